// TakehomeRunners: see DESIGN.md.
