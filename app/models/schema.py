"""The schema-version row and the list of every table, in creation order."""

from __future__ import annotations

from peewee import AutoField, Database, DateTimeField, IntegerField

from app.models.action import CorrectiveAction
from app.models.backup import BackupRecord
from app.models.base import BaseModel
from app.models.case import (
    Attachment,
    AttachmentData,
    CaseCounter,
    CaseMerge,
    CompensationOffer,
    Complaint,
    Event,
    EventChain,
    FollowUp,
    Payment,
)
from app.models.improvement import (
    ActionCase,
    ActionCategory,
    ActionRootCause,
    EarlyWarning,
    Training,
    TrainingAttendee,
    WarningCase,
    WarningRule,
)
from app.models.people import Customer, Department, User
from app.models.reference import Category, ReplyTemplate, RootCause, Setting
from app.models.tallies import StatusCount


class SchemaVersion(BaseModel):
    """One row: which migration the database has reached."""

    id: AutoField[int]  # the key peewee adds, declared for type checkers (see BaseModel)

    version = IntegerField()
    migrated_at = DateTimeField()


ALL_MODELS = (
    SchemaVersion,
    Setting,
    User,
    Customer,
    Department,
    Category,
    RootCause,
    ReplyTemplate,
    CorrectiveAction,  # before the event log, which refers to it
    Complaint,
    Event,
    FollowUp,
    CompensationOffer,
    Attachment,
    AttachmentData,
    CaseCounter,
    BackupRecord,
    Payment,
    EventChain,
    # Schema step 7: corrective actions, training and early warnings.
    ActionCase,
    ActionRootCause,
    ActionCategory,
    Training,
    TrainingAttendee,
    WarningRule,
    EarlyWarning,
    WarningCase,
    # Schema step 8: duplicates merged into the case kept.
    CaseMerge,
    # Schema step 9: the number of cases in each state, kept by triggers.
    StatusCount,
)

# The version of the schema this program writes: one more than the upgrade steps
# (models.upgrade_steps.STEPS, which models.migrations checks when loaded). Kept here so
# that opening a database already at this version loads none of the steps.
CURRENT_VERSION = 10


def schema_version(database: Database) -> int | None:
    """The version recorded in the database, or None when it has no version table; 0 when
    the table holds no usable version (no row, or not a whole number)."""
    if "schema_version" not in database.get_tables():
        return None
    row = database.execute_sql("SELECT version FROM schema_version ORDER BY id LIMIT 1"
                               ).fetchone()
    value = row[0] if row else None
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
