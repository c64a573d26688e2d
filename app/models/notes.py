"""How a text the desk writes itself is stored: a code and its values, not words.

What the desk writes on a case by itself — the deadline rule a case starts with, "solved on
the spot", the call-back to make, the customer to be told of a decision — is stored as MARK
followed by JSON, `{"code": "callback"}` or `{"code": "rule_shop", "days": 7}`, and worded
in the reader's language when it is shown, printed or exported (`app.services.notes`).

MARK is a control character. Nothing a user types can hold one (the services refuse them,
`services.text.UNKEEPABLE`), so a stored text that starts with it was written by the desk,
and anything else is text as someone typed it.
"""

from __future__ import annotations

import json
from typing import Any

MARK = "\x1e"  # ASCII's record separator


def coded(code: str, **values: str | int) -> str:
    """The stored form of the desk's text `code` with its `values` (text or whole numbers;
    a value may itself be a coded text)."""
    return MARK + json.dumps({"code": code, **values}, ensure_ascii=False,
                             separators=(",", ":"))


def is_coded(stored: object) -> bool:
    """True when `stored` is a text the desk wrote (see `coded`)."""
    return isinstance(stored, str) and stored.startswith(MARK)


def decoded(stored: str) -> tuple[str, dict[str, Any]] | None:
    """The code and values of a coded text; None for text someone typed (or a coded text
    that cannot be read, which is then shown as it is)."""
    if not is_coded(stored):
        return None
    try:
        values = json.loads(stored[len(MARK):])
    except ValueError:
        return None
    if not isinstance(values, dict) or not isinstance(values.get("code"), str):
        return None
    code = values.pop("code")
    return code, values
