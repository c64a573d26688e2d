"""Compensation: offers, their approval within limits, and the figures beside them."""
