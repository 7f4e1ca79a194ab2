"""Pure records and rules of the Track II method. Imports nothing outside itself and the
standard library: no database, no files, no clock ("now" is always an argument)."""
