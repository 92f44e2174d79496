"""Bookmarks, notes, the reading position and the theme, kept in the store."""
