"""The essay view, its screen (the mediator), the status bar and the go-to prompt."""
