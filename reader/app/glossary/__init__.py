"""The glossary pane: entries, the index, the timeline, the mention strip, palette entries."""
