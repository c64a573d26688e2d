"""peewee models on one database proxy, the connection, and schema migrations (no Qt)."""

from app.models.action import CorrectiveAction
from app.models.backup import BackupRecord
from app.models.base import BaseModel, TupleRows, database_proxy
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
from app.models.people import ROLES, Customer, Department, User
from app.models.reference import Category, ReplyTemplate, RootCause, Setting
from app.models.schema import ALL_MODELS, SchemaVersion
from app.models.tallies import StatusCount

__all__ = [
    "ALL_MODELS",
    "ROLES",
    "ActionCase",
    "ActionCategory",
    "ActionRootCause",
    "Attachment",
    "AttachmentData",
    "BackupRecord",
    "BaseModel",
    "CaseCounter",
    "CaseMerge",
    "Category",
    "Complaint",
    "CompensationOffer",
    "CorrectiveAction",
    "Customer",
    "Department",
    "EarlyWarning",
    "Event",
    "EventChain",
    "FollowUp",
    "Payment",
    "ReplyTemplate",
    "RootCause",
    "SchemaVersion",
    "Setting",
    "StatusCount",
    "Training",
    "TrainingAttendee",
    "TupleRows",
    "User",
    "WarningCase",
    "WarningRule",
    "database_proxy",
]
