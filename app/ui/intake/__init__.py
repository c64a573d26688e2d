"""The intake form and its success page."""
