"""EPUB 2 and 3: a zip archive read safely (`archive`), its container and OPF package
(`package`), its table of contents (`contents`), and its spine read into one document
(`book`)."""
