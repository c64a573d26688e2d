"""Printing in the window: preview, the printer, signatures on screen, letters in bulk."""
