"""The reports as plain data: JSON-ready dictionaries and CSV tables, the
same for the desk's "Save CSV" and desk-admin. Column names are fixed
English words (scripts read them); the desk's screens and printouts word
them in the clerk's language.

A day or shift report's CSV holds its tables one after another, each with
its own header row and a blank line between them: the figures per group
(the total first, then per clerk, terminal and hotel), the awards, the
adjustments and reversals with their reasons, the refusals, and the chain
head.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import asdict, fields
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Sequence

from ..domain import errors
from .reports import (Activity, Enrolments, ExpiryOutlook, PointsFlow, ShiftReport, TierCensus)

ACTIVITY_FIELDS = tuple(f.name for f in fields(Activity))


def plain(value):
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def _activity(a: Activity) -> dict:
    return {**asdict(a), "points_issued": a.points_issued}


def report_json(r: ShiftReport) -> dict:
    return plain({
        "report": r.kind, "business_date": r.business_date, "property": r.property_code, "clerk": r.clerk,
        "terminal": r.terminal, "program": r.program, "generated_at": r.generated_at,
        "generated_by": r.generated_by, "totals": _activity(r.totals),
        "awards": [asdict(a) for a in r.awards],
        "corrections": [asdict(c) for c in r.corrections],
        "refusals": [asdict(x) for x in r.refusals],
        "by_clerk": [{"clerk": g.key, **_activity(g.activity)} for g in r.by_clerk],
        "by_terminal": [{"terminal": g.key, **_activity(g.activity)} for g in r.by_terminal],
        "by_property": [{"property": g.key, **_activity(g.activity)} for g in r.by_property],
        "chain": asdict(r.chain) if r.chain else None,
    })


def report_tables(r: ShiftReport) -> list[list[list]]:
    """The report's CSV tables, each a header row and its rows."""
    head = [["report", "business_date", "property", "clerk", "terminal", "program", "generated_at", "generated_by"],
            [r.kind, r.business_date, r.property_code or "all", r.clerk or "", r.terminal or "", r.program,
             r.generated_at, r.generated_by]]
    groups = [["group", "key", *ACTIVITY_FIELDS, "points_issued"]]
    groups.append(["total", "", *(getattr(r.totals, f) for f in ACTIVITY_FIELDS), r.totals.points_issued])
    for name, lines in (("clerk", r.by_clerk), ("terminal", r.by_terminal), ("property", r.by_property)):
        for g in lines:
            groups.append([name, g.key, *(getattr(g.activity, f) for f in ACTIVITY_FIELDS),
                           g.activity.points_issued])
    awards = [["award", "count", "quantity", "points", "yen"]] + [
        [a.award_code, a.count, a.quantity, a.points, "" if a.yen is None else a.yen] for a in r.awards]
    corrections = [["kind", "transaction_id", "created_at", "clerk", "terminal", "property", "member_number",
                    "points", "nights", "original_kind", "reference", "approved_by", "reason"]] + [
        [c.kind, c.transaction_id, c.created_at, c.clerk, c.terminal, c.property_code or "", c.member_number,
         c.points, c.nights, c.original_kind or "", c.reference or "", c.approved_by or "", c.reason or ""]
        for c in r.corrections]
    refusals = [["action", "code", "count"]] + [[x.action, x.code, x.count] for x in r.refusals]
    chain = [["chain_entries", "chain_head", "recorded_at", "at_close"]]
    if r.chain is not None:
        chain.append([r.chain.entries, r.chain.head, r.chain.at or "", "yes" if r.chain.closed else "no"])
    return [head, groups, awards, corrections, refusals, chain]


def points_flow_table(f: PointsFlow) -> list[list]:
    return [["business_date", "property", "issued", "redeemed"]] + [
        [r.day, r.property_code, r.issued, r.redeemed] for r in f.rows]


def tier_census_table(c: TierCensus) -> list[list]:
    return [["on", "tier", "members"]] + [[c.on, r.tier, r.members] for r in c.rows]


def expiry_table(o: ExpiryOutlook) -> list[list]:
    return [["month", "points", "members"]] + [[f"{r.month:%Y-%m}", r.points, r.members] for r in o.rows]


def enrolments_table(e: Enrolments) -> list[list]:
    return [["enrolled_on", "property", "members"]] + [[r.day, r.property_code, r.members] for r in e.rows]


def _cell(v):
    if isinstance(v, datetime):
        return v.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@") and not v.lstrip("+-").isdigit():
        return "'" + v    # a reason typed as a formula stays text in a spreadsheet
    return v


def csv_text(tables: Sequence[Sequence[Sequence]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for i, table in enumerate(tables):
        if i:
            writer.writerow([])
        for row in table:
            writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def write_csv(path: str | Path, tables: Iterable[Sequence[Sequence]]) -> Path:
    """UTF-8 with a byte-order mark (Excel on a Japanese PC reads kana
    right), written beside the target and moved into place."""
    target = Path(path)
    text = csv_text(list(tables))
    tmp: str | None = None
    try:
        folder = target.parent if str(target.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=".csv", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            fh.write(text)
        os.replace(tmp, target)
        tmp = None
    except (OSError, ValueError) as exc:
        raise errors.OutputNotWritable(f"The report cannot be written to {str(target)[:200]}: "
                                       f"{type(exc).__name__}.") from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return target
