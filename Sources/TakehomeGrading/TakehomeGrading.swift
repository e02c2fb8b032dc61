// TakehomeGrading: see DESIGN.md.
