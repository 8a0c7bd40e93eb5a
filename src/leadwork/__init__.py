"""leadwork: a command-line leadership journal kept in plain TOML files."""

__version__ = "0.1.0"
