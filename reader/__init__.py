"""reader: a terminal reading room for essays and books, with a linked glossary."""

__version__ = "0.1.0"
