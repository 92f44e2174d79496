"""The baseline: a bare Textual app that shows one line (run as a script)."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bare textual app ready")


if __name__ == "__main__":
    BareApp().run()
