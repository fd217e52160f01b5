"""sitrep: turn a pile of raw news articles into a sourced picture of what happened."""

__version__ = "0.1.0"
