// TakehomeReports: see DESIGN.md.
