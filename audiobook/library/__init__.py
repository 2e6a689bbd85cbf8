"""Many books in one command: each into its own folder, the up-to-date ones skipped."""
