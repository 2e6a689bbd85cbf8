"""Casting: voices.yaml read and checked (``schema``), a voice for every speaker (``assign``),
and the cast written back into voices.yaml with the user's edits kept (``castfile``)."""
