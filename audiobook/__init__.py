"""audiobook: turn a story into a full-cast, chaptered audiobook."""

__version__ = "0.1.0"
