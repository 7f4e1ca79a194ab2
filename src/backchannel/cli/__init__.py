"""The command line: each command parses its input, calls one service and prints."""
