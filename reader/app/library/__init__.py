"""The library: every document read before, to open again or to forget."""
