"""The window's side of backups: automatic copies and their warnings, the restore dialog,
and the settings pages for backups and for this PC's database."""
