// TakehomeFetch: see DESIGN.md.
