"""The case view and the small dialogs of its actions."""
