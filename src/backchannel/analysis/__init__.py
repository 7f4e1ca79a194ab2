"""Numerical analysis that needs numpy, kept out of the pure domain.

Modules here take plain arrays or domain records and return plain results; they do no I/O.
"""
