"""Typed values read from French film-article text, each with its offsets in the input string."""
