"""Transcript Reader: read, search and annotate mid.ru transcripts offline, in English and Russian."""

__version__ = "0.1.0"
