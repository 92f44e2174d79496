"""A document, its glossary and its bookmarks as one self-contained HTML page (`reader export`)."""
