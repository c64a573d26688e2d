"""Benchmarks on a generated 100,000-case database; run with `make bench`, not in CI."""
