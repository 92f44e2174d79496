"""The Textual shell: screens and widgets that put the core on the screen."""
