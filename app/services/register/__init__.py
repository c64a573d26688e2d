"""The register: finding cases a page at a time, searching, and exporting to Excel."""
