"""Customers: matched by phone, their history, and (later) merging and personal data."""
