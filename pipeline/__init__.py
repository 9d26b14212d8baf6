"""filmfiche: extract film facts from French encyclopedic text into CSV tables."""

__version__ = "0.1.0"
