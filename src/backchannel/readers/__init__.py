"""Readers for the files a user brings. Each names file, row and field on bad input."""
