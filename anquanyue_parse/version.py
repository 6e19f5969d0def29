"""Package version; also recorded in every parsed record and database row."""

__version__ = "0.2.0"
