"""PDF and Excel builders: pure functions, data in, file out (no Qt, no database)."""
