"""Who may do what. Checked in services, so a button that is merely hidden is not the only guard."""

from __future__ import annotations

from enum import StrEnum

from app.errors import AccessError
from app.i18n import Text
from app.models import User
from app.services.labels import ROLE_NAMES


class Permission(StrEnum):
    """An action that not every role may take."""

    WORK_CASES = "work_cases"
    APPROVE_COMPENSATION = "approve_compensation"
    EXTEND_DEADLINE = "extend_deadline"
    ACKNOWLEDGE_ESCALATION = "acknowledge_escalation"
    MANAGE_LISTS = "manage_lists"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_USERS = "manage_users"
    BACKUP = "backup"
    IMPORT_CASES = "import_cases"
    RESTORE = "restore"  # replaces the whole database: owner and administrator only
    MOVE_DATABASE = "move_database"


_ALL = frozenset(Permission)
GRANTS: dict[str, frozenset[Permission]] = {
    "staff": frozenset({Permission.WORK_CASES}),
    "manager": frozenset({
        Permission.WORK_CASES,
        Permission.APPROVE_COMPENSATION,
        Permission.EXTEND_DEADLINE,
        Permission.ACKNOWLEDGE_ESCALATION,
        Permission.MANAGE_LISTS,
        Permission.BACKUP,
        Permission.IMPORT_CASES,
    }),
    "owner": _ALL,
    # The administrator looks after the PCs and accounts; money decisions stay with the
    # owner and managers.
    "admin": _ALL - {Permission.APPROVE_COMPENSATION, Permission.EXTEND_DEADLINE},
}

DESCRIPTIONS: dict[Permission, Text] = {
    Permission.WORK_CASES: Text("work on cases", "处理投诉"),
    Permission.APPROVE_COMPENSATION: Text("approve compensation", "审批补偿"),
    Permission.EXTEND_DEADLINE: Text("extend deadlines", "延长处理时限"),
    Permission.ACKNOWLEDGE_ESCALATION: Text("acknowledge escalations", "确认升级投诉"),
    Permission.MANAGE_LISTS: Text("edit categories, departments and templates",
                                  "编辑类别、部门和回复模板"),
    Permission.MANAGE_SETTINGS: Text("change settings", "修改设置"),
    Permission.MANAGE_USERS: Text("manage user accounts", "管理用户账户"),
    Permission.BACKUP: Text("make backups", "备份数据"),
    Permission.IMPORT_CASES: Text("import cases from a spreadsheet", "从表格导入投诉"),
    Permission.RESTORE: Text("restore a backup", "恢复备份"),
    Permission.MOVE_DATABASE: Text("move the database to a server", "将数据库迁移到服务器"),
}


def allowed(user: User, permission: Permission) -> bool:
    """True when `user` is active and their role grants `permission`."""
    return bool(user.active) and permission in GRANTS.get(user.role, frozenset())


def require(user: User, permission: Permission) -> None:
    """Raises AccessError, naming the role and the action, unless `allowed`."""
    if not allowed(user, permission):
        raise AccessError(
            Text("{name} ({role}) may not {action}.", "{name}（{role}）无权{action}。").format(
                name=user.display_name,
                role=ROLE_NAMES.get(user.role, Text(user.role, user.role)),
                action=DESCRIPTIONS[permission],
            )
        )
