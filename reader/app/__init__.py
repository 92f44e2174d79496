"""The Textual shell: the reading screen and its parts, each in a folder by feature."""
