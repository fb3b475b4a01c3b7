"""Eco-enterprise readiness (Decree 35/2022/NĐ-CP art. 37 cl. 2): the checklist, per audit and
per park.

- The checklist is data: ``resources/reference/eco_enterprise_criteria.toml`` (criterion id,
  legal reference, vi/en text, evidence, the rule that evaluates it automatically, if any). A
  new criterion there appears everywhere without a code change; a malformed file raises a
  ``UserError`` naming the file and the entry.
- ``evaluate(audit, answers)``: each criterion met / partly / not met / not applicable /
  unknown. A criterion with a rule is evaluated from the audit's evidence (options through
  ``app.core.options``, the enterprise's ISO certificates); where the rule cannot decide, or the
  criterion has none, the auditor's own answer counts. The auditor's answers and evidence text
  live in the audit's setting ``ANSWERS_SETTING`` (criterion id -> {"status", "evidence"}),
  written through the GUI's one edit path.
- Per park (the share of firms with RECP results against the park criterion's 20 %):
  ``app.core.park_readiness``, over each firm's ``AuditReadiness.has_recp_results``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.core.errors import Location, UserError
from app.core.model import Audit, clean_text
from app.core.options import has_verified_saving, is_implemented, is_rejected
from app.paths import data_path

ANSWERS_SETTING = "eco_readiness"  # AuditFile setting: criterion id -> {"status", "evidence"}
CHECKLIST_NAME = "eco_enterprise_criteria.toml"


class Status(StrEnum):
    MET = "met"
    PARTLY = "partly"
    NOT_MET = "not_met"
    NOT_APPLICABLE = "not_applicable"
    UNKNOWN = "unknown"


class Rule(StrEnum):
    """How a criterion is evaluated from the audit (the checklist file's ``rule``)."""

    NONE = ""
    RECP_RESULTS = "recp_results"
    SYMBIOSIS_ISO = "symbiosis_iso"


# The rule whose result says whether a firm "has RECP results" (the park share).
PARK_RULE = Rule.RECP_RESULTS


@dataclass(frozen=True)
class Criterion:
    id: str
    legal_ref_vi: str
    legal_ref_en: str
    text_vi: str
    text_en: str
    evidence_vi: str
    evidence_en: str
    rule: Rule = Rule.NONE
    park_share: float | None = None

    def legal_ref(self, lang: str) -> str:
        return self.legal_ref_en if lang == "en" else self.legal_ref_vi

    def text(self, lang: str) -> str:
        return self.text_en if lang == "en" else self.text_vi

    def evidence(self, lang: str) -> str:
        return self.evidence_en if lang == "en" else self.evidence_vi


@dataclass(frozen=True)
class Checklist:
    criteria: tuple[Criterion, ...]
    source_vi: str = ""
    source_en: str = ""
    path: str = ""

    def source(self, lang: str) -> str:
        return self.source_en if lang == "en" else self.source_vi

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)


def checklist_path() -> Path:
    return data_path("resources", "reference", CHECKLIST_NAME)


_ID_RE = re.compile(r"^[A-Za-z0-9_.]+$")
_TEXT_FIELDS = (
    "legal_ref_vi",
    "legal_ref_en",
    "text_vi",
    "text_en",
    "evidence_vi",
    "evidence_en",
)


def _bad(path: Path, entry: str, key: str, **params: Any) -> UserError:
    """A malformed checklist: the message names the file and the entry (``#n (id)``)."""
    return UserError.of(key, Location(file=str(path)), entry=entry, **params)


def load_checklist(path: str | Path | None = None) -> Checklist:
    """The checklist in ``path`` (default: the shipped file); ``UserError`` when malformed."""
    import tomllib

    path = Path(path) if path is not None else checklist_path()
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise UserError.of(
            "readiness.checklist.unreadable",
            Location(file=str(path)),
            reason=exc.strerror or str(exc),
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise _bad(path, "-", "readiness.checklist.syntax", detail=str(exc)) from None
    entries = data.get("criterion")
    if not isinstance(entries, list) or not entries:
        raise _bad(path, "-", "readiness.checklist.no_criteria")
    criteria: list[Criterion] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        label = f"#{number}"
        if not isinstance(entry, dict):
            raise _bad(path, label, "readiness.checklist.not_table")
        cid = entry.get("id")
        if not isinstance(cid, str) or not _ID_RE.match(cid):
            raise _bad(path, label, "readiness.checklist.bad_id")
        label = f"#{number} ({cid})"
        if cid in seen:
            raise _bad(path, label, "readiness.checklist.duplicate_id")
        seen.add(cid)
        for name in _TEXT_FIELDS:
            value = entry.get(name)
            if not isinstance(value, str) or not value.strip():
                raise _bad(path, label, "readiness.checklist.missing_field", field=name)
        rule_text = entry.get("rule", "")
        try:
            rule = Rule(rule_text)
        except ValueError:
            raise _bad(
                path,
                label,
                "readiness.checklist.unknown_rule",
                rule=str(rule_text),
                rules=", ".join(r.value for r in Rule if r.value),
            ) from None
        share = entry.get("park_share")
        if share is not None and (
            isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share <= 1
        ):
            raise _bad(path, label, "readiness.checklist.bad_share")
        criteria.append(
            Criterion(
                id=cid,
                **{name: entry[name].strip() for name in _TEXT_FIELDS},
                rule=rule,
                park_share=float(share) if share is not None else None,
            )
        )
    source = data.get("source", {})
    return Checklist(
        criteria=tuple(criteria),
        source_vi=str(source.get("vi", "")) if isinstance(source, dict) else "",
        source_en=str(source.get("en", "")) if isinstance(source, dict) else "",
        path=str(path),
    )


@lru_cache(maxsize=1)
def shipped_checklist() -> Checklist:
    return load_checklist()


# ---------------------------------------------------------------------------------------------
# Per audit


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: a message key and its parameters (rendered in either language)."""

    key: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Answer:
    """The auditor's own answer to a criterion."""

    status: Status = Status.UNKNOWN
    evidence: str = ""


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    status: Status
    source: str  # "auto", "auditor" or "" (nobody answered)
    evidence: tuple[Evidence, ...] = ()
    auditor_evidence: str = ""


@dataclass(frozen=True)
class AuditReadiness:
    """One audit's readiness: a result per criterion, plus what the park level needs."""

    enterprise: str
    industrial_park: str
    results: tuple[CriterionResult, ...]
    has_recp_results: bool  # the park rule's criterion is met
    symbiosis_links: tuple[str, ...]  # implemented symbiosis options, "code title"
    file: str = ""

    def result(self, criterion_id: str) -> CriterionResult | None:
        return next((r for r in self.results if r.criterion.id == criterion_id), None)

    @property
    def overall(self) -> Status:
        return overall_status(r.status for r in self.results)


def overall_status(statuses: Iterable[Status]) -> Status:
    """Met when every applicable criterion is met; not met when any is not met; unknown when
    one is unknown; partly otherwise."""
    applicable = [s for s in statuses if s is not Status.NOT_APPLICABLE]
    if not applicable:
        return Status.NOT_APPLICABLE
    if all(s is Status.MET for s in applicable):
        return Status.MET
    if any(s is Status.NOT_MET for s in applicable):
        return Status.NOT_MET
    if any(s is Status.UNKNOWN for s in applicable):
        return Status.UNKNOWN
    return Status.PARTLY


def answers_from_setting(value: Any) -> dict[str, Answer]:
    """The auditor's answers as stored in ``ANSWERS_SETTING``; bad entries are ignored."""
    out: dict[str, Answer] = {}
    if not isinstance(value, Mapping):
        return out
    for cid, entry in value.items():
        if not isinstance(entry, Mapping):
            continue
        try:
            status = Status(entry.get("status", Status.UNKNOWN.value))
        except ValueError:
            status = Status.UNKNOWN
        evidence = entry.get("evidence", "")
        out[str(cid)] = Answer(status, clean_text(evidence if isinstance(evidence, str) else ""))
    return out


def answers_to_setting(answers: Mapping[str, Answer]) -> dict[str, dict[str, str]]:
    """The JSON-able form stored in ``ANSWERS_SETTING`` (unanswered criteria left out)."""
    return {
        cid: {"status": a.status.value, "evidence": clean_text(a.evidence)}
        for cid, a in answers.items()
        if a.status is not Status.UNKNOWN or clean_text(a.evidence)
    }


def _group(value: float, lang: str, decimals: int = 0) -> str:
    """A number with the language's marks (vi: 1.234,5; en: 1,234.5)."""
    out = f"{value:,.{decimals}f}"
    return out.replace(",", "\0").replace(".", ",").replace("\0", ".") if lang == "vi" else out


def percent_text(fraction: float, lang: str) -> str:
    return _group(fraction * 100, lang, 0 if round(fraction * 100, 1).is_integer() else 1) + " %"


def evidence_text(evidence: Evidence, lang: str) -> str:
    """One piece of evidence as a sentence in ``lang``."""
    from app.core.messages import text

    params = {
        k: _group(v, lang) if k == "saving" and isinstance(v, int | float) else v
        for k, v in evidence.params.items()
    }
    if lang == "en" and "option_en" in params:
        params["option"] = params["option_en"]
    return text(evidence.key, lang, **params)


def _label(option: Any, lang: str = "vi") -> str:
    title = (option.title_en if lang == "en" else "") or option.title_vi
    return " ".join(p for p in (option.code, title) if p)


def _option_params(option: Any) -> dict[str, Any]:
    return {"option": _label(option), "option_en": _label(option, "en")}


def symbiosis_links(audit: Audit) -> list[Any]:
    """The audit's implemented industrial-symbiosis options."""
    return [
        o
        for o in audit.options
        if o.industrial_symbiosis and is_implemented(o) and not is_rejected(o)
    ]


def _recp_results(audit: Audit) -> tuple[Status, list[Evidence]]:
    verified = [o for o in audit.options if has_verified_saving(o)]
    implemented = [o for o in audit.options if is_implemented(o) and not has_verified_saving(o)]
    evidence = [
        Evidence(
            "readiness.evidence.verified_option",
            {**_option_params(o), "saving": o.verified_saving_vnd},
        )
        for o in verified
    ] + [Evidence("readiness.evidence.implemented_option", _option_params(o)) for o in implemented]
    if verified:
        return Status.MET, evidence
    if implemented:
        return Status.PARTLY, evidence
    if audit.options:
        return Status.NOT_MET, [
            Evidence("readiness.evidence.no_implemented_option", {"count": len(audit.options)})
        ]
    return Status.UNKNOWN, [Evidence("readiness.evidence.no_options")]


def _symbiosis_iso(audit: Audit) -> tuple[Status, list[Evidence]]:
    links = symbiosis_links(audit)
    enterprise = audit.info.enterprise
    certificates = [
        (standard, clean_text(value))
        for standard, value in (
            ("ISO 14001", enterprise.iso14001_certificate),
            ("ISO 50001", enterprise.iso50001_certificate),
        )
        if clean_text(value)
    ]
    evidence = [Evidence("readiness.evidence.symbiosis_option", _option_params(o)) for o in links]
    if not links:
        evidence.append(Evidence("readiness.evidence.no_symbiosis"))
    evidence += [
        Evidence("readiness.evidence.certificate", {"standard": s, "certificate": v})
        for s, v in certificates
    ]
    if not certificates:
        evidence.append(Evidence("readiness.evidence.no_certificate"))
    if links and certificates:
        return Status.MET, evidence
    if links or certificates:
        return Status.PARTLY, evidence
    return Status.NOT_MET, evidence


_RULES = {
    Rule.RECP_RESULTS: _recp_results,
    Rule.SYMBIOSIS_ISO: _symbiosis_iso,
}


def evaluate(
    audit: Audit,
    answers: Mapping[str, Answer] | None = None,
    checklist: Checklist | None = None,
    file: str = "",
) -> AuditReadiness:
    """Each criterion of ``checklist`` (default: the shipped one) for ``audit``."""
    checklist = checklist or shipped_checklist()
    answers = answers or {}
    results: list[CriterionResult] = []
    for criterion in checklist.criteria:
        answer = answers.get(criterion.id, Answer())
        status, source = Status.UNKNOWN, ""
        evidence: list[Evidence] = []
        if criterion.rule is not Rule.NONE:
            status, evidence = _RULES[criterion.rule](audit)
            source = "auto" if status is not Status.UNKNOWN else ""
        if status is Status.UNKNOWN and answer.status is not Status.UNKNOWN:
            status, source = answer.status, "auditor"
        results.append(CriterionResult(criterion, status, source, tuple(evidence), answer.evidence))
    park_ids = {c.id for c in checklist.criteria if c.rule is PARK_RULE}
    return AuditReadiness(
        enterprise=audit.info.enterprise.name,
        industrial_park=audit.info.enterprise.industrial_park,
        results=tuple(results),
        has_recp_results=any(r.status is Status.MET for r in results if r.criterion.id in park_ids),
        symbiosis_links=tuple(_label(o) for o in symbiosis_links(audit)),
        file=file,
    )


def readiness_as_dict(readiness: AuditReadiness, lang: str = "vi") -> dict[str, Any]:
    """JSON-able, for ``readiness --json``: texts in ``lang``."""
    return {
        "file": readiness.file,
        "enterprise": readiness.enterprise,
        "industrial_park": readiness.industrial_park,
        "overall": readiness.overall.value,
        "has_recp_results": readiness.has_recp_results,
        "symbiosis_links": list(readiness.symbiosis_links),
        "criteria": [
            {
                "id": r.criterion.id,
                "legal_ref": r.criterion.legal_ref(lang),
                "text": r.criterion.text(lang),
                "status": r.status.value,
                "source": r.source,
                "evidence": [evidence_text(e, lang) for e in r.evidence],
                "auditor_evidence": r.auditor_evidence,
            }
            for r in readiness.results
        ],
    }


# ---------------------------------------------------------------------------------------------
# Rows for the reports and the annex (one home for what a row says)


@dataclass(frozen=True)
class ReportRow:
    criterion_id: str
    criterion: str
    legal_ref: str
    status: Status
    status_text: str  # "Met (automatic, from the audit's data)"
    evidence: tuple[str, ...]  # sentences, the auditor's own note last


def report_rows(readiness: AuditReadiness, lang: str) -> list[ReportRow]:
    from app.core.messages import text

    rows = []
    for r in readiness.results:
        evidence = [evidence_text(e, lang) for e in r.evidence]
        if r.auditor_evidence:
            evidence.append(text("readiness.auditor_note", lang, text=r.auditor_evidence))
        source = text(f"readiness.source.{r.source or 'none'}", lang)
        rows.append(
            ReportRow(
                criterion_id=r.criterion.id,
                criterion=r.criterion.text(lang),
                legal_ref=r.criterion.legal_ref(lang),
                status=r.status,
                status_text=f"{text(f'readiness.status.{r.status.value}', lang)} ({source})",
                evidence=tuple(evidence),
            )
        )
    return rows
