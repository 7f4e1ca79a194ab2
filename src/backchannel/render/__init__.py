"""Rendering: Typst -> PDF, Markdown, (later) DOCX and ICS. No I/O beyond a temp folder;
services decide where bytes go, after the gate."""
