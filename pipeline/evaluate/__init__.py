"""Compare extracted CSV tables with hand-made gold files and report the scores."""
