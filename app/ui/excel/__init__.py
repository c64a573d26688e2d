"""Excel from the window: exporting the register."""
