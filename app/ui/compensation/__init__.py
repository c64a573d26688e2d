"""Compensation in the window: proposing an offer, the approvals queue, the decision."""
