"""The command line: `reader [PATH]` opens the app; subcommands work without it."""
