"""Case work: intake, the state machine, the deadline engine, follow-ups, reminders,
and what a case shows."""
