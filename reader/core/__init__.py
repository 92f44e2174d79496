"""The functional core: documents, layout, glossary, search and bookmarks.

Nothing under this package imports Textual; the app in `reader.app` is a thin
shell over it, and the command line in `reader.cli` another.
"""
