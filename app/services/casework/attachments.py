"""Photos, receipts and signed letters kept with a case, in the database itself.

Keeping the bytes in the database means every PC sharing it sees them, a backup holds
them, and editing the case never touches them.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from pathlib import Path

from app.errors import InputError
from app.i18n import Text
from app.models import Attachment, AttachmentData, User, database_proxy
from app.reports import files
from app.services import audit
from app.services.casework import cases
from app.services.casework.case_parts import AttachmentInfo, Person
from app.services.permissions import Permission, require

MAX_BYTES = 20 * 1024 * 1024
KINDS = ("evidence", "receipt", "signed_letter", "other")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def add_attachment(case_id: int, *, file_name: str, data: bytes, actor: User, now: datetime,
                   kind: str = "evidence", note: str = "") -> AttachmentInfo:
    """Stores a file with the case and notes it on the timeline.

    It changes no field of the case, so no version is expected.
    """
    require(actor, Permission.WORK_CASES)
    name = _UNSAFE.sub("_", Path(file_name).name).strip() or "attachment"
    if not data:
        raise InputError(Text("The file {name} is empty.", "文件 {name} 是空的。")
                         .format(name=name))
    if len(data) > MAX_BYTES:
        raise InputError(Text("The file {name} is {mb:.1f} MB; at most 20 MB can be attached.",
                              "文件 {name} 有 {mb:.1f} MB，附件最大 20 MB。")
                         .format(name=name, mb=len(data) / 1024 / 1024))
    if kind not in KINDS:
        raise InputError(Text("Unknown attachment kind “{k}”.", "未知的附件类型“{k}”。")
                         .format(k=kind))
    with database_proxy.atomic():
        case = cases.for_change(case_id)
        row = Attachment.create(complaint=case, file_name=name[:200], kind=kind, size=len(data),
                                sha256=hashlib.sha256(data).hexdigest(), note=note[:2000],
                                added_by=actor, added_at=now)
        AttachmentData.create(attachment=row, data=data)
        audit.record(case, actor, now, kind="attachment", field="attachment", new=name,
                     note=note, version=case.version)
    return AttachmentInfo(row.id, row.file_name, kind, row.size, row.note,
                          Person(actor.username, actor.display_name), now)


def read_attachment(attachment_id: int) -> tuple[str, bytes]:
    """The file name and bytes of an attachment."""
    row = Attachment.get_by_id(attachment_id)
    data = AttachmentData.get(AttachmentData.attachment == attachment_id).data
    return row.file_name, bytes(data)


def save_copy(attachment_id: int, folder: Path) -> Path:
    """Writes the attachment into `folder` (to open it with the system's viewer), whole: a
    viewer never opens half a file."""
    name, data = read_attachment(attachment_id)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{attachment_id}-{name}"
    return files.write_bytes(target, data)
