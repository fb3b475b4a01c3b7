"""The auditor's narrative for the report (``AuditInfo.narrative``): its sections in the order of
the Vietnamese CP report, and what counts as written.

One home for these rules: the report snapshot (which leaves unwritten sections out) and the
Narrative screen (which shows which sections are still empty) both read them here.
"""

from __future__ import annotations

from app.core.model import Audit, clean_text

ENTERPRISE = "enterprise"  # Giới thiệu: the enterprise described
FOCUS = "focus"  # Đánh giá: the audit focus and why
CAUSE = "cause:"  # + step id: causes of losses of one process step
CONCLUSIONS = "conclusions"  # Kết luận và kiến nghị
LANGS = ("vi", "en")


def cause_key(step_id: str) -> str:
    return CAUSE + step_id


def step_id_of(key: str) -> str | None:
    """The step id of a "cause:<step id>" section; None for the other sections."""
    return key[len(CAUSE) :] if key.startswith(CAUSE) else None


def section_keys(audit: Audit) -> list[str]:
    """The sections an audit can have, in report order: one cause section per process step
    (a deleted step's text stays in the file, so undo brings it back, but is not a section)."""
    steps = sorted(audit.steps, key=lambda s: s.position)
    return [ENTERPRISE, FOCUS, *(cause_key(s.id) for s in steps), CONCLUSIONS]


def section_text(narrative: dict | None, key: str, lang: str) -> str:
    """The section's text in ``lang`` as the report takes it ('' when not written)."""
    texts = (narrative or {}).get(key)
    if not isinstance(texts, dict):
        return ""
    return str(texts.get(lang) or "").strip()


def with_text(narrative: dict | None, key: str, lang: str, text: str) -> dict[str, dict[str, str]]:
    """A copy of ``narrative`` with one section's text in one language replaced; a section
    written in neither language is dropped."""
    out = {k: dict(v) for k, v in (narrative or {}).items() if isinstance(v, dict)}
    section = {lg: str(out.get(key, {}).get(lg) or "") for lg in LANGS}
    section[lang] = clean_text(text)
    if any(section.values()):
        out[key] = section
    else:
        out.pop(key, None)
    return out


def written_share(audit: Audit) -> float:
    """Share 0..1 of the (section, language) pairs written."""
    keys = section_keys(audit)
    done = sum(1 for k in keys for lg in LANGS if section_text(audit.info.narrative, k, lg))
    return done / (2 * len(keys))
