"""A programme hub on PostgreSQL (psycopg 3): audits published by many auditors, added up.

A programme outgrows a folder on one laptop; its hub is one PostgreSQL database. The app creates
and migrates the hub's schema itself (schema ``recp``, version in ``recp.hub_meta``), and keeps
the roll-ups as SQL views (``recp.programme_totals``, ``recp.by_park``, ``recp.park_readiness``
…) so that programme staff can query them with any SQL tool.

- ``publish(url, summary)`` writes one audit's summary, in ONE transaction: the audit's row, its
  physical savings, its options per CP technique and per status. The audit's stable identity
  (``AuditInfo.id``) is the primary key, so publishing again updates, never duplicates. Only
  ``app.core.portfolio.publishable`` figures are sent: anonymised unless the enterprise agreed
  to more.
- ``read_hub(url)`` reads every published audit into the same ``Portfolio`` a folder gives, so
  the portfolio report reads a hub exactly as it reads a folder. Reading never writes: a hub
  that has no schema yet is an empty portfolio.
- Credentials: only in the address the user gives (or libpq's own ``PGPASSWORD`` /
  ``~/.pgpass``); never stored, and ``display_address`` leaves the password out of every
  message and report.

Errors are one translated line each (``UserError``): unreachable hub, wrong credentials, no such
database, a hub made by a newer app, a publish that failed halfway (rolled back: the hub is as
it was).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from app import __version__
from app.core import portfolio as pf
from app.core.errors import UserError
from app.store.portfolio_folder import Portfolio, PortfolioEntry

if TYPE_CHECKING:
    import psycopg

SCHEMA = "recp"
CONNECT_TIMEOUT_S = 10

# Scalar figures of an AuditSummary and their column types (the hub's ``recp.audits``).
_TEXT = (
    "enterprise",
    "tax_code",
    "title",
    "park",
    "province",
    "sector_vsic",
    "sector_name",
    "status",
    "consent",
    "modified",
)
_INT = (
    "options_found",
    "options_screened",
    "options_implemented",
    "options_verified",
    "options_rejected",
    "symbiosis_options",
)
_BIGINT = (
    "investment_vnd",
    "annual_saving_vnd",
    "implemented_investment_vnd",
    "implemented_saving_vnd",
    "verified_saving_vnd",
    "verified_estimated_saving_vnd",
)
_FLOAT = ("avoided_co2e_t", "implemented_co2e_t")
SUMMED = _INT + _BIGINT + _FLOAT  # what the views add up
AUDIT_COLUMNS = (
    "audit_id",
    *_TEXT,
    "anonymised",
    "audit_date",
    "end_date",
    "audit_year",
    *SUMMED,
    "summary",
    "app_version",
)
# Added by hub schema 3 (eco-enterprise readiness): written only to a hub that has them.
READINESS_COLUMNS = ("recp_results", "symbiosis_links")
READINESS_SINCE = 3

# Breakdown views: name -> the grouping expression (an unset value is NULL, its own group).
BREAKDOWN_VIEWS = {
    "park": "NULLIF(park, '')",
    "province": "NULLIF(province, '')",
    "sector": "COALESCE(NULLIF(sector_vsic, ''), NULLIF(sector_name, ''))",
    "status": "NULLIF(status, '')",
    "year": "audit_year",
}


def _sums() -> str:
    return ",\n  ".join(f"COALESCE(SUM({c}), 0) AS {c}" for c in SUMMED)


def _schema_v1() -> list[str]:
    columns = (
        ["audit_id text PRIMARY KEY"]
        + [f"{c} text NOT NULL DEFAULT ''" for c in _TEXT]
        + ["anonymised boolean NOT NULL", "audit_date date", "end_date date", "audit_year integer"]
        + [f"{c} integer NOT NULL DEFAULT 0" for c in _INT]
        + [f"{c} bigint NOT NULL DEFAULT 0" for c in _BIGINT]
        + [f"{c} double precision NOT NULL DEFAULT 0" for c in _FLOAT]
        + [
            "summary jsonb NOT NULL",
            "app_version text NOT NULL DEFAULT ''",
            "published_at timestamptz NOT NULL DEFAULT now()",
        ]
    )
    child = f"audit_id text NOT NULL REFERENCES {SCHEMA}.audits(audit_id) ON DELETE CASCADE"
    sql = [
        f"CREATE TABLE {SCHEMA}.audits (\n  " + ",\n  ".join(columns) + "\n)",
        f"CREATE TABLE {SCHEMA}.savings ({child}, scope text NOT NULL "
        "CHECK (scope IN ('proposed', 'implemented')), kind text NOT NULL, unit text NOT NULL, "
        "quantity double precision NOT NULL, PRIMARY KEY (audit_id, scope, kind, unit))",
        f"CREATE TABLE {SCHEMA}.techniques ({child}, category text NOT NULL, "
        "found integer NOT NULL, implemented integer NOT NULL, PRIMARY KEY (audit_id, category))",
        f"CREATE TABLE {SCHEMA}.option_statuses ({child}, status text NOT NULL, "
        "options integer NOT NULL, PRIMARY KEY (audit_id, status))",
        f"CREATE INDEX audits_park ON {SCHEMA}.audits (park)",
        f"CREATE VIEW {SCHEMA}.programme_totals AS SELECT COUNT(*) AS audits,\n  {_sums()}\n"
        f"FROM {SCHEMA}.audits",
        f"CREATE VIEW {SCHEMA}.resource_savings AS SELECT scope, kind, unit, "
        f"SUM(quantity) AS quantity FROM {SCHEMA}.savings GROUP BY scope, kind, unit",
        f"CREATE VIEW {SCHEMA}.by_technique AS SELECT category, SUM(found) AS found, "
        f"SUM(implemented) AS implemented FROM {SCHEMA}.techniques GROUP BY category",
        f"CREATE VIEW {SCHEMA}.options_by_status AS SELECT status, SUM(options) AS options "
        f"FROM {SCHEMA}.option_statuses GROUP BY status",
    ]
    for name, key in BREAKDOWN_VIEWS.items():
        sql.append(
            f"CREATE VIEW {SCHEMA}.by_{name} AS SELECT {key} AS {name}, COUNT(*) AS audits,\n"
            f"  {_sums()}\nFROM {SCHEMA}.audits GROUP BY 1"
        )
    return sql


def _schema_v2() -> list[str]:
    """The park exchange board (issue 21): each enterprise's published exchange file, only what
    it agreed to share. ``content`` is the file itself (read back through the same checks as a
    file); the item rows and the view are for staff with a SQL tool."""
    party = f"enterprise_id text NOT NULL REFERENCES {SCHEMA}.exchange_parties(enterprise_id) "
    return [
        f"CREATE TABLE {SCHEMA}.exchange_parties (enterprise_id text PRIMARY KEY, "
        "park text NOT NULL, park_key text NOT NULL, province text NOT NULL DEFAULT '', "
        "latitude double precision, longitude double precision, "
        "shared text NOT NULL DEFAULT '', written date, content jsonb NOT NULL, "
        "app_version text NOT NULL DEFAULT '', published_at timestamptz NOT NULL DEFAULT now())",
        f"CREATE INDEX exchange_parties_park ON {SCHEMA}.exchange_parties (park_key)",
        f"CREATE TABLE {SCHEMA}.exchange_items ({party}ON DELETE CASCADE, "
        "position integer NOT NULL, side text NOT NULL CHECK (side IN ('offer', 'need')), "
        "class text NOT NULL, unit text NOT NULL, hazardous boolean NOT NULL, "
        "quantity_per_year double precision, quantity_low double precision, "
        "quantity_high double precision, months text, notes text, cost_per_year_vnd bigint, "
        "hazardous_permit boolean, PRIMARY KEY (enterprise_id, position))",
        f"CREATE VIEW {SCHEMA}.exchange_board AS SELECT p.park, p.province, p.enterprise_id, "
        "i.side, i.class, i.unit, i.hazardous, i.quantity_per_year, i.quantity_low, "
        "i.quantity_high, i.months, i.notes, i.cost_per_year_vnd, i.hazardous_permit, "
        f"p.published_at FROM {SCHEMA}.exchange_parties p "
        f"JOIN {SCHEMA}.exchange_items i USING (enterprise_id)",
    ]


def _schema_v3() -> list[str]:
    """Eco-enterprise readiness per park (issue 22): whether each audit meets the park
    criterion (RECP results; NULL: published by an older app, not known) and its symbiosis
    links, and a view per park for staff with a SQL tool. The share is of the audited firms;
    the required share is the checklist file's (``app.core.park_readiness``), not the hub's."""
    return [
        f"ALTER TABLE {SCHEMA}.audits ADD COLUMN recp_results boolean, "
        "ADD COLUMN symbiosis_links integer NOT NULL DEFAULT 0",
        f"CREATE VIEW {SCHEMA}.park_readiness AS SELECT NULLIF(park, '') AS park, "
        "COUNT(*) AS audits, COUNT(*) FILTER (WHERE recp_results) AS with_recp_results, "
        "COUNT(*) FILTER (WHERE recp_results IS NULL) AS readiness_unknown, "
        "(COUNT(*) FILTER (WHERE recp_results))::double precision / COUNT(*) AS share, "
        f"COALESCE(SUM(symbiosis_links), 0) AS symbiosis_links FROM {SCHEMA}.audits GROUP BY 1",
    ]


# HUB_MIGRATIONS[i] turns a version-i hub into version i+1 (0: no schema yet).
HUB_MIGRATIONS: list[Callable[[], list[str]]] = [_schema_v1, _schema_v2, _schema_v3]
HUB_SCHEMA_VERSION = len(HUB_MIGRATIONS)


# ---------------------------------------------------------------------------------------------
# Addresses and connections


def display_address(url: str) -> str:
    """The address without its password (for messages, reports and the portfolio's source)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, parts.query, parts.fragment))


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise UserError.of("hub.no_driver") from exc
    return psycopg


def _connection_error(exc: Exception, url: str) -> UserError:
    message = str(exc)
    low = message.lower()
    where = display_address(url)
    parts = urlsplit(url)
    if (
        "password authentication failed" in low
        or "no password supplied" in low
        or "authentication failed" in low
        or ("role" in low and "does not exist" in low)
    ):
        return UserError.of("hub.auth_failed", where=where, user=parts.username or "")
    if "database" in low and "does not exist" in low:
        return UserError.of("hub.no_database", where=where, database=parts.path.lstrip("/"))
    first = next((line.strip() for line in message.splitlines() if line.strip()), "")
    return UserError.of("hub.unreachable", where=where, detail=first)


def connect(url: str) -> psycopg.Connection:
    """A connection to the hub at ``url`` (autocommit: each write is an explicit
    ``conn.transaction()``), or a translated ``UserError``."""
    psycopg = _psycopg()
    try:
        return psycopg.connect(
            url, connect_timeout=CONNECT_TIMEOUT_S, application_name="RECP Audit", autocommit=True
        )
    except psycopg.Error as exc:
        raise _connection_error(exc, url) from exc


def hub_version(conn: psycopg.Connection) -> int:
    """The hub schema's version: 0 when the database has none yet."""
    row = conn.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.hub_meta",)).fetchone()
    if row is None or row[0] is None:
        return 0
    found = conn.execute(
        f"SELECT value FROM {SCHEMA}.hub_meta WHERE key = 'schema_version'"
    ).fetchone()
    return int(found[0]) if found else 0


def _check_not_newer(version: int, url: str) -> None:
    if version > HUB_SCHEMA_VERSION:
        raise UserError.of(
            "hub.newer_schema",
            where=display_address(url),
            found=version,
            supported=HUB_SCHEMA_VERSION,
        )


def ensure_schema(conn: psycopg.Connection, url: str) -> int:
    """Create or migrate the hub's schema to this app's version, inside the caller's
    transaction (two apps migrating at once wait for each other: an advisory lock)."""
    conn.execute("SELECT pg_advisory_xact_lock(hashtext('recp_hub_schema'))")
    version = hub_version(conn)
    _check_not_newer(version, url)
    if version == HUB_SCHEMA_VERSION:
        return version
    if version == 0:
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
        conn.execute(f"CREATE TABLE {SCHEMA}.hub_meta (key text PRIMARY KEY, value text NOT NULL)")
    for step in range(version, HUB_SCHEMA_VERSION):
        for statement in HUB_MIGRATIONS[step]():
            conn.execute(statement)  # our own SQL, no user text
    conn.execute(
        f"INSERT INTO {SCHEMA}.hub_meta (key, value) VALUES ('schema_version', %s) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (str(HUB_SCHEMA_VERSION),),
    )
    return HUB_SCHEMA_VERSION


def create_hub(url: str) -> int:
    """Create (or migrate) the hub's schema; its version. ``python -m app hub-init`` runs it."""
    conn = connect(url)
    try:
        with conn.transaction():
            return ensure_schema(conn, url)
    finally:
        conn.close()


# ---------------------------------------------------------------------------------------------
# Publishing


def audit_columns(version: int | None = None) -> tuple[str, ...]:
    """The ``recp.audits`` columns a publish writes to a hub of ``version`` (default: this
    app's)."""
    version = HUB_SCHEMA_VERSION if version is None else version
    return AUDIT_COLUMNS + (READINESS_COLUMNS if version >= READINESS_SINCE else ())


def audit_row(summary: pf.AuditSummary, version: int | None = None) -> tuple[Any, ...]:
    """The ``recp.audits`` row of ``summary`` (in ``audit_columns(version)`` order)."""
    from psycopg.types.json import Jsonb

    data = pf.summary_as_dict(summary)
    row = (
        summary.audit_id,
        *(getattr(summary, c) for c in _TEXT),
        summary.anonymised,
        summary.audit_date,
        summary.end_date,
        summary.year,
        *(getattr(summary, c) for c in SUMMED),
        Jsonb(data),
        __version__,
        summary.recp_results,
        summary.symbiosis_links,
    )
    return row[: len(audit_columns(version))]


def child_rows(summary: pf.AuditSummary) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of ``savings``, ``techniques`` and ``option_statuses`` for ``summary``."""
    sid = summary.audit_id
    savings = [(sid, "proposed", s.kind, s.unit, s.quantity) for s in summary.savings]
    savings += [
        (sid, "implemented", s.kind, s.unit, s.quantity) for s in summary.implemented_savings
    ]
    categories = sorted(set(summary.found_by_category) | set(summary.implemented_by_category))
    techniques = [
        (
            sid,
            c,
            summary.found_by_category.get(c, 0),
            summary.implemented_by_category.get(c, 0),
        )
        for c in categories
    ]
    statuses = [(sid, k, n) for k, n in sorted(summary.options_by_status.items())]
    return {"savings": savings, "techniques": techniques, "option_statuses": statuses}


def _insert_audit(columns: Sequence[str]) -> str:
    return (
        f"INSERT INTO {SCHEMA}.audits ({', '.join(columns)}, published_at) "
        f"VALUES ({', '.join(['%s'] * len(columns))}, now()) "
        "ON CONFLICT (audit_id) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in (*columns[1:], "published_at"))
        + " RETURNING (xmax = 0)"
    )


_INSERT_CHILD = {
    "savings": f"INSERT INTO {SCHEMA}.savings (audit_id, scope, kind, unit, quantity) "
    "VALUES (%s, %s, %s, %s, %s)",
    "techniques": f"INSERT INTO {SCHEMA}.techniques (audit_id, category, found, implemented) "
    "VALUES (%s, %s, %s, %s)",
    "option_statuses": f"INSERT INTO {SCHEMA}.option_statuses (audit_id, status, options) "
    "VALUES (%s, %s, %s)",
}


def _write_children(cur: Any, summary: pf.AuditSummary) -> None:
    for table, rows in child_rows(summary).items():
        cur.execute(f"DELETE FROM {SCHEMA}.{table} WHERE audit_id = %s", (summary.audit_id,))
        if rows:
            cur.executemany(_INSERT_CHILD[table], rows)


def publish(url: str, summary: pf.AuditSummary) -> bool:
    """Send ``publishable(summary)`` to the hub in one transaction; True when it was new,
    False when it updated the audit published before (same stable id)."""
    summary = pf.publishable(summary)
    psycopg = _psycopg()
    conn = connect(url)
    try:
        try:
            with conn.transaction(), conn.cursor() as cur:
                version = ensure_schema(conn, url)
                cur.execute(_insert_audit(audit_columns(version)), audit_row(summary, version))
                row = cur.fetchone()
                created = bool(row[0]) if row else False
                _write_children(cur, summary)
        except psycopg.Error as exc:  # rolled back: the hub is as it was
            raise UserError.of(
                "hub.publish_failed", where=display_address(url), detail=_first_line(exc)
            ) from exc
        return created
    finally:
        conn.close()


def _first_line(exc: Exception) -> str:
    return next(
        (line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__
    )


# ---------------------------------------------------------------------------------------------
# Reading


def _readable(conn: psycopg.Connection, url: str) -> bool:
    """True when the hub has this app's schema (False: none yet); raises for a newer one.

    An older schema is migrated first (the staff reading a hub run the app that owns it)."""
    version = hub_version(conn)
    _check_not_newer(version, url)
    if version == 0:
        return False
    if version < HUB_SCHEMA_VERSION:
        with conn.transaction():
            ensure_schema(conn, url)
    return True


def read_hub(url: str) -> Portfolio:
    """Every audit published to the hub, as a ``Portfolio`` (the same as a folder's)."""
    psycopg = _psycopg()
    conn = connect(url)
    try:
        entries = []
        try:
            if _readable(conn, url):
                rows = conn.execute(
                    f"SELECT audit_id, summary FROM {SCHEMA}.audits ORDER BY audit_id"
                ).fetchall()
                for audit_id, data in rows:
                    summary = pf.summary_from_dict(
                        data if isinstance(data, dict) else json.loads(data)
                    )
                    entries.append(PortfolioEntry(Path(audit_id), summary=summary))
        except psycopg.Error as exc:
            raise UserError.of(
                "hub.read_failed", where=display_address(url), detail=_first_line(exc)
            ) from exc
        return Portfolio(display_address(url), entries)
    finally:
        conn.close()


def _totals_of(row: Sequence[Any], columns: Sequence[str]) -> dict[str, Any]:
    values = dict(zip(columns, row, strict=True))
    return {c: (float(values[c]) if c in _FLOAT else int(values[c])) for c in SUMMED}


def hub_rollup(
    url: str, dimensions: Sequence[str] = tuple(BREAKDOWN_VIEWS)
) -> tuple[pf.Totals, dict[str, list[tuple[Any, pf.Totals]]]]:
    """The programme's totals and breakdowns computed by the hub's SQL views (what staff see
    in a SQL tool); the same figures as ``app.core.portfolio`` over ``read_hub``."""
    conn = connect(url)
    try:
        if not _readable(conn, url):
            return pf.Totals(), {d: [] for d in dimensions}
        cur = conn.execute(f"SELECT audits, {', '.join(SUMMED)} FROM {SCHEMA}.programme_totals")
        row = cur.fetchone()
        assert row is not None
        saved: dict[str, list[pf.ResourceSaving]] = {"proposed": [], "implemented": []}
        for scope, kind, unit, qty in conn.execute(
            f"SELECT scope, kind, unit, quantity FROM {SCHEMA}.resource_savings"
        ):
            saved[scope].append(pf.ResourceSaving(kind, unit, float(qty)))
        total = pf.Totals(
            audits=int(row[0]),
            savings=pf.sorted_savings(saved["proposed"]),
            implemented_savings=pf.sorted_savings(saved["implemented"]),
            **_totals_of(row[1:], SUMMED),
        )
        out: dict[str, list[tuple[Any, pf.Totals]]] = {}
        for dim in dimensions:
            rows = conn.execute(
                f"SELECT {dim}, audits, {', '.join(SUMMED)} FROM {SCHEMA}.by_{dim}"
            ).fetchall()
            groups = [
                (r[0], pf.Totals(audits=int(r[1]), **_totals_of(r[2:], SUMMED))) for r in rows
            ]
            groups.sort(key=lambda g: (g[0] is None, str(g[0]) if g[0] is not None else ""))
            out[dim] = groups
        return total, out
    finally:
        conn.close()


# ---------------------------------------------------------------------------------------------
# The park exchange board (issue 21)


def park_key(park: str) -> str:
    """What two spellings of one park share: NFC, case folded, single spaces (in Python: the
    database's own lower() follows its locale, which may know no Vietnamese)."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", park).casefold().split())


def exchange_item_rows(content: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The ``recp.exchange_items`` rows of an exchange file's content (absent: NULL)."""
    rows = []
    for n, item in enumerate(content.get("items", []), start=1):
        band = item.get("quantity_band") or (None, None)
        months = item.get("months")
        rows.append(
            (
                content["enterprise_id"],
                n,
                item["side"],
                item["class"],
                item["unit"],
                bool(item["hazardous"]),
                item.get("quantity_per_year"),
                band[0],
                band[1],
                ";".join(str(m) for m in months) if months is not None else None,
                item.get("notes"),
                item.get("cost_per_year_vnd"),
                item.get("hazardous_permit"),
            )
        )
    return rows


_INSERT_PARTY = (
    f"INSERT INTO {SCHEMA}.exchange_parties (enterprise_id, park, park_key, province, latitude, "
    "longitude, shared, written, content, app_version, published_at) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, now()) ON CONFLICT (enterprise_id) DO UPDATE "
    "SET park = excluded.park, park_key = excluded.park_key, province = excluded.province, latitude = excluded.latitude, "
    "longitude = excluded.longitude, shared = excluded.shared, written = excluded.written, "
    "content = excluded.content, app_version = excluded.app_version, published_at = now() "
    "RETURNING (xmax = 0)"
)
_INSERT_ITEM = (
    f"INSERT INTO {SCHEMA}.exchange_items (enterprise_id, position, side, class, unit, "
    "hazardous, quantity_per_year, quantity_low, quantity_high, months, notes, "
    "cost_per_year_vnd, hazardous_permit) VALUES (" + ", ".join(["%s"] * 13) + ")"
)


def publish_exchange(url: str, content: dict[str, Any]) -> bool:
    """Put an exchange file's content (``app.core.symbiosis.exchange.exchange_content``: only
    what the enterprise agreed to) on the park's board, in one transaction; True when the
    enterprise is new on the board, False when its earlier entry was replaced."""
    from psycopg.types.json import Jsonb

    psycopg = _psycopg()
    location = content.get("location") or {}
    party_row = (
        content["enterprise_id"],
        content["park"],
        park_key(content["park"]),
        content.get("province", ""),
        location.get("latitude"),
        location.get("longitude"),
        ";".join(content.get("shared", [])),
        content.get("written"),
        Jsonb(content),
        __version__,
    )
    conn = connect(url)
    try:
        try:
            with conn.transaction(), conn.cursor() as cur:
                ensure_schema(conn, url)
                cur.execute(_INSERT_PARTY, party_row)
                row = cur.fetchone()
                created = bool(row[0]) if row else False
                cur.execute(
                    f"DELETE FROM {SCHEMA}.exchange_items WHERE enterprise_id = %s",
                    (content["enterprise_id"],),
                )
                rows = exchange_item_rows(content)
                if rows:
                    cur.executemany(_INSERT_ITEM, rows)
        except psycopg.Error as exc:  # rolled back: the board is as it was
            raise UserError.of(
                "hub.publish_failed", where=display_address(url), detail=_first_line(exc)
            ) from exc
        return created
    finally:
        conn.close()


def read_board(url: str, park: str | Sequence[str] | None) -> tuple[list[Any], list[Any]]:
    """The parties on the board of ``park`` (``park_key``: any case or spacing; several parks:
    a park and its neighbours; None: the whole board) as anonymous ``Party`` objects, read
    through the same checks as a file; and the problems of entries that could not be read (a
    class this app's list lacks, say), each naming the entry."""
    from app.core.symbiosis.classes import shipped_classes
    from app.core.symbiosis.exchange import party_of

    psycopg = _psycopg()
    where = display_address(url)
    conn = connect(url)
    parties, problems = [], []
    try:
        try:
            if not _readable(conn, url):
                return [], []
            select = f"SELECT enterprise_id, content FROM {SCHEMA}.exchange_parties "
            if park is None:
                rows = conn.execute(select + "ORDER BY enterprise_id").fetchall()
            else:
                parks = [park] if isinstance(park, str) else list(park)
                keys = sorted({park_key(p) for p in parks})
                rows = conn.execute(
                    select + "WHERE park_key = ANY(%s) ORDER BY enterprise_id", (keys,)
                ).fetchall()
        except psycopg.Error as exc:
            raise UserError.of("hub.read_failed", where=where, detail=_first_line(exc)) from exc
        classes = shipped_classes()
        for enterprise_id, data in rows:
            content = data if isinstance(data, dict) else json.loads(data)
            try:
                parties.append(party_of(content, f"{where}#{enterprise_id}", classes))
            except UserError as exc:
                problems.append(exc.problem)
        return parties, problems
    finally:
        conn.close()
