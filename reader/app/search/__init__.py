"""The search bar and the list of matches."""
