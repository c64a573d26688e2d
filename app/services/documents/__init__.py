"""The printed documents: receipt, case summary, resolution letter, and print runs."""
