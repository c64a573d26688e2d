"""Reminders: the panel of what is owed, follow-up dialogs, and notifications."""
