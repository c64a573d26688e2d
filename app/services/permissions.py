"""Who may do what. Checked in services, so a button that is merely hidden is not the only guard."""

from __future__ import annotations

from enum import StrEnum

from app.errors import AccessError, SessionEndedError
from app.i18n import Text
from app.models import ROLES, User, database_proxy
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
    MANAGE_IMPROVEMENT = "manage_improvement"
    MERGE = "merge"  # merge duplicate cases, join customers, and undo a merge
    LEGAL_HOLD = "legal_hold"  # keep a case from retention while a dispute may need it
    REMOVE_PERSONAL_DATA = "remove_personal_data"  # retention and a customer's erasure


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
        Permission.MANAGE_IMPROVEMENT,
        Permission.MERGE,
        Permission.LEGAL_HOLD,
    }),
    "owner": _ALL,
    # The administrator looks after the PCs and accounts; money decisions and what the shop
    # must fix stay with the owner and managers, and what becomes of cases and personal data
    # with the people who answer for them.
    "admin": _ALL - {Permission.APPROVE_COMPENSATION, Permission.EXTEND_DEADLINE,
                     Permission.MANAGE_IMPROVEMENT, Permission.MERGE, Permission.LEGAL_HOLD,
                     Permission.REMOVE_PERSONAL_DATA},
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
    Permission.MANAGE_IMPROVEMENT: Text(
        "direct corrective actions, record training and edit early warnings",
        "管理整改措施、培训记录和预警规则"),
    Permission.MERGE: Text("merge cases or customers", "合并投诉或客户"),
    Permission.LEGAL_HOLD: Text("put a case on legal hold", "设置或解除法律保全"),
    Permission.REMOVE_PERSONAL_DATA: Text("remove personal data (retention, erasure)",
                                          "删除个人信息（保存期限到期清理、应请求删除）"),
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


# Which roles each role may give an account (create it with, raise or lower it to) and
# look after (set its password, switch it off). Only an owner makes owners; an
# administrator looks after the PCs and the accounts of staff and managers.
MANAGES: dict[str, frozenset[str]] = {
    "owner": frozenset(ROLES),
    "admin": frozenset({"staff", "manager"}),
    "manager": frozenset(),
    "staff": frozenset(),
}


def may_manage(user: User, role: str) -> bool:
    """True when `user` may create, look after, or give `role` to an account of `role`."""
    return allowed(user, Permission.MANAGE_USERS) and role in MANAGES.get(user.role, ())


def require_manage(user: User, *roles: str) -> None:
    """Raises AccessError unless `user` may manage accounts of every one of `roles`."""
    require(user, Permission.MANAGE_USERS)
    for role in roles:
        if not may_manage(user, role):
            raise AccessError(
                Text("{name} ({role}) may not manage {target} accounts.",
                     "{name}（{role}）无权管理{target}账户。").format(
                    name=user.display_name, role=ROLE_NAMES.get(user.role, Text(user.role,
                                                                                user.role)),
                    target=ROLE_NAMES.get(role, Text(role, role))))


SESSION_ENDED = Text(
    "Your account was switched off, given another role or a new password since you signed "
    "in: nothing was saved. Please sign in again.",
    "您登录后账户已被停用、更改角色或重设密码，本次操作未保存。请重新登录。")


def confirm_actor(user: User | None) -> None:
    """Reads the acting user again (inside the writing transaction, so the answer holds for
    the write): still active, the same role, the password they signed in with.

    Raises:
        SessionEndedError: the account changed since `user` was read.
    """
    if user is None:
        return
    database = database_proxy.obj  # plain SQL: it runs with every event written
    row = database.execute_sql('SELECT active, role, password_generation FROM "user" WHERE '
                               f"id = {database.param}", (user.id,)).fetchone()
    if row is None or not row[0] or row[1] != user.role or row[2] != user.password_generation:
        raise SessionEndedError(SESSION_ENDED)


def session_valid(user: User) -> bool:
    """True while `user` (as signed in) may go on acting: what the window checks."""
    try:
        confirm_actor(user)
    except SessionEndedError:
        return False
    return True
