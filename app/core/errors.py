"""Errors as values: a message key, where it happened, and the parameters of its message.

Core never builds user-facing strings; the UI and the CLI turn a ``Problem`` into a translated
message with ``app.core.messages.render``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Location:
    """Where a problem is: any of file, sheet, row, column, entity and field."""

    file: str = ""
    sheet: str = ""
    row: int | None = None  # 1-based, as a spreadsheet shows it
    column: str = ""
    entity: str = ""  # e.g. "stream", "option"
    entity_id: str = ""
    field: str = ""


@dataclass(frozen=True)
class Problem:
    """A message-catalogue key with where it applies and its parameters."""

    key: str  # message-catalogue key, e.g. "validation.negative_quantity"
    location: Location = field(default_factory=Location)
    params: dict = field(default_factory=dict, hash=False, compare=False)
    level: Level = Level.ERROR

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR


class UserError(Exception):
    """An error caused by the user's input or files, carrying a ``Problem`` to show."""

    def __init__(self, problem: Problem):
        super().__init__(problem.key)
        self.problem = problem

    @classmethod
    def of(cls, key: str, location: Location | None = None, **params) -> UserError:
        return cls(Problem(key, location or Location(), params))


# OS errors a user can act on, by errno name: their text comes from the catalogue (key
# "os.NAME") in the message's language instead of the system's English strerror.
OS_REASONS = frozenset(
    {
        "EACCES",
        "EPERM",
        "ENOSPC",
        "EDQUOT",
        "EROFS",
        "ENOENT",
        "EEXIST",
        "EISDIR",
        "ENOTDIR",
        "EBUSY",
        "ETXTBSY",
        "ENAMETOOLONG",
        "EIO",
        "EMFILE",
        "EAGAIN",
    }
)
OS_PREFIX = "os:"


def os_reason(exc: OSError) -> str:
    """A message parameter for why ``exc`` happened: ``"os:EACCES|Permission denied"``, which
    ``messages.text`` shows in the message's language (the system's text after ``|`` when the
    catalogue has no entry)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    fallback = exc.strerror or str(exc) or type(exc).__name__
    return f"{OS_PREFIX}{name}|{fallback}" if name in OS_REASONS else fallback
