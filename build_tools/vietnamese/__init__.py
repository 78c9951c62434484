"""Every rule about Vietnamese text, written once: folding, letters and case (``fold``),
syllable structure (``syllables``). Used by ingest, clean, extract and search alike."""
