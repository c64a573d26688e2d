"""The interface language of the core (services, reports, command line).

The window translates its own strings with Qt; everything below it that a user reads
(error messages, state and channel names) is a `Text` holding both languages, shown in
the language chosen here.
"""

from __future__ import annotations

import locale
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

ZH = "zh_CN"
EN = "en"
LANGUAGES = (ZH, EN)

_current = EN
_override = threading.local()  # a document being written in another language, per thread


class Text(NamedTuple):
    """A message in English and Simplified Chinese; `str()` gives the current language."""

    en: str
    zh: str

    def __str__(self) -> str:
        return self.zh if current_language() == ZH else self.en

    def format(self, **values: object) -> Text:
        """Fills `{name}` placeholders in both languages; `Text` values fill in their own."""
        english = {k: v.en if isinstance(v, Text) else v for k, v in values.items()}
        chinese = {k: v.zh if isinstance(v, Text) else v for k, v in values.items()}
        return Text(self.en.format(**english), self.zh.format(**chinese))

    def in_language(self, language: str) -> str:
        """The text in `language` whatever the current language is."""
        return self.zh if language == ZH else self.en


def normalize_language(value: str) -> str:
    """Maps `zh`, `zh_CN`, `zh-Hans`, `Chinese (Simplified)…` to ZH, anything else to EN."""
    lowered = value.strip().lower().replace("-", "_")
    return ZH if lowered.startswith(("zh", "chinese")) else EN


def system_language() -> str:
    """Chinese when the system locale is Chinese, English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        if os.environ.get(var):
            return normalize_language(os.environ[var])
    code = locale.getlocale()[0] or ""
    return normalize_language(code) if code else EN


def set_language(language: str) -> None:
    """Chooses the language of every `Text` shown from now on."""
    global _current
    _current = normalize_language(language)


def current_language() -> str:
    """The language of this thread's `speaking` block, else the one chosen by `set_language`."""
    return getattr(_override, "language", None) or _current


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Words everything inside the block in `language` (on this thread only)."""
    previous = getattr(_override, "language", None)
    _override.language = normalize_language(language)
    try:
        yield
    finally:
        _override.language = previous
