"""Nothing lost: checked backups, their record and retention, restore, and moving the
database to a shared server."""
