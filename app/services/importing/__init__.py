"""Importing a hand-kept Excel register: reading, cleaning, planning and recording."""
