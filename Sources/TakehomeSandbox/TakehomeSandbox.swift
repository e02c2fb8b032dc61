// TakehomeSandbox: see DESIGN.md.
