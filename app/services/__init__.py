"""Business rules: plain Python, no Qt. The window and the command line call these."""
