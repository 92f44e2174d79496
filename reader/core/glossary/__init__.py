"""The glossary: an Obsidian-style vault of entries, and the linker that finds them in text."""
