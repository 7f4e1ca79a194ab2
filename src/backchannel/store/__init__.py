"""Persistence: SQLAlchemy Core over a SQLCipher file (default), plain SQLite or PostgreSQL."""
