"""The resource classes of industrial symbiosis: the shipped list a stream's class comes from.

- The list is data: ``resources/reference/waste_classes.toml`` (format documented in its
  header): Annex III waste codes of Circular 02/2022/TT-BTNMT ("NN NN NN") with their mark
  and European List of Waste code, and the application's own ``W-``/``IN-``/``WATER-``/
  ``ENERGY-`` classes. A malformed file raises a ``UserError`` naming the file and the entry.
- ``suggest(name, kind)``: the classes whose keywords occur in a stream's name, Vietnamese or
  English, ignoring case and accents; best first. A suggestion only: the auditor confirms.
- Compatibility is data too: a class taken in lists in ``takes`` the given classes it can take
  besides its own code (``ClassList.accepts``), read by the matcher.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.core.errors import Location, UserError
from app.core.folding import search_key
from app.core.model import ResourceStream, StreamKind
from app.paths import data_path

CLASSES_NAME = "waste_classes.toml"
FORMAT = "recp-resource-classes"
FORMAT_VERSION = 1


class Group(StrEnum):
    WASTE = "waste"
    INPUT = "input"
    WATER = "water"
    ENERGY = "energy"


class Direction(StrEnum):
    """Whether a stream of a class is something a firm gives, takes in, or either."""

    GIVE = "give"
    TAKE = "take"
    BOTH = "both"


# Annex III classification marks; NH and KS are handled as hazardous.
MARKS = ("NH", "KS", "TT-R", "TT")
HAZARDOUS_MARKS = frozenset({"NH", "KS"})

_VN_CODE_RE = re.compile(r"^\d\d \d\d \d\d$")
_OWN_CODE_RE = re.compile(r"^(W|IN|WATER|ENERGY)-[A-Z0-9]+(-[A-Z0-9]+)*$")
_EWC_RE = re.compile(r"^\d\d \d\d \d\d\*?$")


@dataclass(frozen=True)
class ResourceClass:
    code: str
    group: Group
    direction: Direction
    name_vi: str
    name_en: str
    hazardous: bool
    stream_kinds: tuple[StreamKind, ...]
    keywords: tuple[str, ...]
    checked: bool
    mark: str = ""
    ewc: str = ""
    ewc_checked: bool = False
    note: str = ""
    takes: tuple[str, ...] = ()  # given classes a need of this class can take in (own code aside)

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_vi

    def label(self, lang: str) -> str:
        """``"17 02 04 — Other used engine, ..."``: code and name, as a list shows it."""
        return f"{self.code} — {self.name(lang)}"

    @property
    def is_annex_code(self) -> bool:
        """A waste code of Circular 02/2022 Annex III (not one of the app's own classes)."""
        return bool(_VN_CODE_RE.match(self.code))

    @property
    def gives(self) -> bool:
        return self.direction in (Direction.GIVE, Direction.BOTH)

    @property
    def takes_in(self) -> bool:
        return self.direction in (Direction.TAKE, Direction.BOTH)

    def fits(self, kind: StreamKind | str) -> bool:
        return StreamKind(kind) in self.stream_kinds


@dataclass(frozen=True)
class ClassList:
    classes: tuple[ResourceClass, ...]
    source_vi: str = ""
    source_en: str = ""
    version: int = FORMAT_VERSION
    path: str = ""

    def source(self, lang: str) -> str:
        return self.source_en if lang == "en" else self.source_vi

    def get(self, code: str) -> ResourceClass | None:
        return _index(self).get(normalise_code(code))

    def accepts(self, need_code: str, offer_code: str) -> bool:
        """A need of class ``need_code`` can take in an offer of ``offer_code``: the same class,
        or one the need's class lists in ``takes``."""
        need, offer = self.get(need_code), self.get(offer_code)
        if need is None or offer is None or not need.takes_in or not offer.gives:
            return False
        return need.code == offer.code or offer.code in need.takes

    def for_kind(self, kind: StreamKind | str) -> list[ResourceClass]:
        """The classes a stream of ``kind`` may carry, in the file's order."""
        return [c for c in self.classes if c.fits(kind)]

    def is_hazardous(self, code: str) -> bool:
        """Hazardous (or to be handled as such: mark KS); an unknown code is not."""
        found = self.get(code)
        return found.hazardous if found is not None else False

    def suggest(self, name: str, kind: StreamKind | str | None = None) -> list[ResourceClass]:
        """Classes whose keywords occur in ``name`` (whole words, no case or accents), best
        first: more keyword words matched ranks higher; ties keep the file's order. With
        ``kind``, only classes that fit it."""
        folded = f" {fold(name)} "
        if not folded.strip():
            return []
        scored: list[tuple[int, int, ResourceClass]] = []
        for position, cls in enumerate(self.classes):
            if kind is not None and not cls.fits(kind):
                continue
            score = 0
            for keyword in cls.keywords:
                key = fold(keyword)
                if key and f" {key} " in folded:
                    score += len(key.split()) * 10 + len(key)
            if score:
                scored.append((-score, position, cls))
        return [cls for _, _, cls in sorted(scored, key=lambda t: (t[0], t[1]))]


@lru_cache(maxsize=8)
def _index(classes: ClassList) -> dict[str, ResourceClass]:
    return {c.code: c for c in classes.classes}


def fold(text: str) -> str:
    """Lower case, no accents, đ -> d, punctuation to spaces, single spaces: what keyword
    matching compares."""
    text = re.sub(r"[^0-9a-z]+", " ", search_key(text or ""))
    return " ".join(text.split())


def normalise_code(code: str) -> str:
    """``"170204"``, ``"17-02-04"`` or ``" 17 02 04 "`` -> ``"17 02 04"``; own codes upper
    case."""
    code = (code or "").strip()
    digits = re.sub(r"[\s.\-]", "", code)
    if len(digits) == 6 and digits.isdigit():
        return f"{digits[0:2]} {digits[2:4]} {digits[4:6]}"
    return code.upper()


def classes_path() -> Path:
    return data_path("resources", "reference", CLASSES_NAME)


def _bad(path: Path, entry: str, key: str, **params: Any) -> UserError:
    return UserError.of(key, Location(file=str(path)), entry=entry, **params)


def _text(entry: dict[str, Any], name: str) -> str | None:
    value = entry.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def load_classes(path: str | Path | None = None) -> ClassList:
    """The class list in ``path`` (default: the shipped file); ``UserError`` when malformed."""
    import tomllib

    path = Path(path) if path is not None else classes_path()
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise UserError.of(
            "symbiosis.classes.unreadable",
            Location(file=str(path)),
            reason=exc.strerror or str(exc),
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise _bad(path, "-", "symbiosis.classes.syntax", detail=str(exc)) from None
    if data.get("format") != FORMAT:
        raise _bad(path, "-", "symbiosis.classes.bad_format", format=FORMAT)
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _bad(path, "-", "symbiosis.classes.bad_version")
    if version > FORMAT_VERSION:
        raise _bad(
            path, "-", "symbiosis.classes.newer_version", version=version, known=FORMAT_VERSION
        )
    entries = data.get("class")
    if not isinstance(entries, list) or not entries:
        raise _bad(path, "-", "symbiosis.classes.no_classes")
    classes: list[ResourceClass] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        classes.append(_entry(path, number, entry, seen))
    _check_takes(path, classes)
    source = data.get("source", {})
    return ClassList(
        classes=tuple(classes),
        source_vi=str(source.get("vi", "")) if isinstance(source, dict) else "",
        source_en=str(source.get("en", "")) if isinstance(source, dict) else "",
        version=version,
        path=str(path),
    )


def _entry(path: Path, number: int, entry: Any, seen: set[str]) -> ResourceClass:
    label = f"#{number}"
    if not isinstance(entry, dict):
        raise _bad(path, label, "symbiosis.classes.not_table")
    code = entry.get("code")
    if not isinstance(code, str) or not (_VN_CODE_RE.match(code) or _OWN_CODE_RE.match(code)):
        raise _bad(path, label, "symbiosis.classes.bad_code", code=str(code or ""))
    label = f"#{number} ({code})"
    if code in seen:
        raise _bad(path, label, "symbiosis.classes.duplicate_code")
    seen.add(code)
    values: dict[str, str] = {}
    for name in ("name_vi", "name_en"):
        value = _text(entry, name)
        if value is None:
            raise _bad(path, label, "symbiosis.classes.missing_field", field=name)
        values[name] = value
    try:
        group = Group(str(entry.get("group")))
    except ValueError:
        raise _bad(
            path, label, "symbiosis.classes.bad_choice", field="group", choices=_list(Group)
        ) from None
    try:
        direction = Direction(str(entry.get("direction")))
    except ValueError:
        raise _bad(
            path,
            label,
            "symbiosis.classes.bad_choice",
            field="direction",
            choices=_list(Direction),
        ) from None
    mark = entry.get("mark", "")
    if not isinstance(mark, str) or (mark and mark not in MARKS):
        raise _bad(
            path, label, "symbiosis.classes.bad_choice", field="mark", choices=", ".join(MARKS)
        )
    if _VN_CODE_RE.match(code) and not mark:
        raise _bad(path, label, "symbiosis.classes.missing_field", field="mark")
    for flag in ("hazardous", "checked"):
        if not isinstance(entry.get(flag), bool):
            raise _bad(path, label, "symbiosis.classes.not_bool", field=flag)
    hazardous = entry["hazardous"]
    if mark and hazardous != (mark in HAZARDOUS_MARKS):
        raise _bad(path, label, "symbiosis.classes.mark_conflict", mark=mark)
    ewc = entry.get("ewc", "")
    if not isinstance(ewc, str) or (ewc and not _EWC_RE.match(ewc)):
        raise _bad(path, label, "symbiosis.classes.bad_ewc", ewc=str(ewc))
    ewc_checked = entry.get("ewc_checked", False)
    if not isinstance(ewc_checked, bool):
        raise _bad(path, label, "symbiosis.classes.not_bool", field="ewc_checked")
    kinds_raw = entry.get("stream_kinds")
    if not isinstance(kinds_raw, list) or not kinds_raw:
        raise _bad(path, label, "symbiosis.classes.missing_field", field="stream_kinds")
    kinds: list[StreamKind] = []
    for kind in kinds_raw:
        try:
            kinds.append(StreamKind(kind))
        except ValueError:
            raise _bad(
                path,
                label,
                "symbiosis.classes.bad_kind",
                kind=str(kind),
                choices=_list(StreamKind),
            ) from None
    keywords = entry.get("keywords")
    if (
        not isinstance(keywords, list)
        or not keywords
        or not all(isinstance(k, str) and fold(k) for k in keywords)
    ):
        raise _bad(path, label, "symbiosis.classes.bad_keywords")
    note = entry.get("note", "")
    takes = entry.get("takes", [])
    if not isinstance(takes, list) or not all(isinstance(t, str) and t.strip() for t in takes):
        raise _bad(path, label, "symbiosis.classes.bad_takes")
    if takes and direction is Direction.GIVE:
        raise _bad(path, label, "symbiosis.classes.takes_on_giver")
    return ResourceClass(
        code=code,
        group=group,
        direction=direction,
        name_vi=values["name_vi"],
        name_en=values["name_en"],
        hazardous=hazardous,
        stream_kinds=tuple(kinds),
        keywords=tuple(unicodedata.normalize("NFC", k.strip()) for k in keywords),
        checked=entry["checked"],
        mark=mark,
        ewc=ewc,
        ewc_checked=ewc_checked,
        note=note.strip() if isinstance(note, str) else "",
        takes=tuple(normalise_code(t) for t in takes),
    )


def _check_takes(path: Path, classes: list[ResourceClass]) -> None:
    """Every code a class ``takes`` is in the list and is given by someone (after all entries
    are read: a class may name one further down)."""
    by_code = {c.code: c for c in classes}
    for number, cls in enumerate(classes, start=1):
        for code in cls.takes:
            target = by_code.get(code)
            label = f"#{number} ({cls.code})"
            if target is None:
                raise _bad(path, label, "symbiosis.classes.takes_unknown", code=code)
            if not target.gives:
                raise _bad(path, label, "symbiosis.classes.takes_not_given", code=code)


def _list(values: Iterable[StrEnum]) -> str:
    return ", ".join(v.value for v in values)


@lru_cache(maxsize=1)
def shipped_classes() -> ClassList:
    return load_classes()


# Shortcuts over the shipped list -----------------------------------------------------------


def lookup(code: str) -> ResourceClass | None:
    """The shipped class with ``code`` (any spacing of a six-digit code), or None."""
    return shipped_classes().get(code)


def is_hazardous(code: str) -> bool:
    """True for a shipped class marked hazardous (NH, or KS handled as hazardous)."""
    return shipped_classes().is_hazardous(code)


def suggest(name: str, kind: StreamKind | str | None = None) -> list[ResourceClass]:
    """Shipped classes suggested for a stream named ``name`` (see ``ClassList.suggest``)."""
    return shipped_classes().suggest(name, kind)


def suggest_for_stream(stream: ResourceStream) -> list[ResourceClass]:
    """Suggestions from both of a stream's names, for its kind; best first, no repeats."""
    found: dict[str, tuple[int, ResourceClass]] = {}
    for name in (stream.name_vi, stream.name_en):
        for rank, cls in enumerate(suggest(name, stream.kind)):
            if cls.code not in found or rank < found[cls.code][0]:
                found[cls.code] = (rank, cls)
    return [cls for _, cls in sorted(found.values(), key=lambda t: t[0])]
