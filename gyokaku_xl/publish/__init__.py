"""PDF (LibreOffice, Excel) and open data from a written master."""
