"""Exports of members and of the ledger to CSV, each one recorded.

Decisions [decided]:
- UTF-8 with a byte-order mark, comma separated, a header row of fixed
  English column names (scripts read them), dates YYYY-MM-DD, points and
  yen as integers: Excel on a Japanese PC opens it without garbling kana.
- Without personal data an export holds numbers, statuses, tiers, points
  and the ledger's own columns; with it (supervisors only) names, readings,
  e-mail, phone, address and birth date are added.
- Every export is recorded in `audit_events` (who, desk, hotel, business
  date, what, the period, how many rows, whether personal data went out,
  the file's name but not its folder) in the same transaction that puts
  the finished file in place: no export without its record, and no record
  of a file that was not written.
- A text cell that a spreadsheet would run as a formula (starting with
  =, +, -, @) gets a leading apostrophe; member numbers, phones in E.164,
  e-mail addresses and figures are written as they are.
"""

from __future__ import annotations

import csv
import os
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import aliased

from ..db.schema import AuditEvent, LedgerEntry, Lot, Member, TierStatus
from ..domain import errors
from . import ledger
from .context import Desk
from .database import Database
from .reports import MAX_PERIOD_DAYS, _check_day

CHUNK = 2_000
ENCODING = "utf-8-sig"

MEMBER_COLUMNS = ("member_number", "status", "registration", "enrolled_on", "enrolled_at", "closed_on", "tier",
                  "points_balance", "preferred_language", "premium_hotel", "merged_into")
MEMBER_PERSONAL = ("family_name", "given_name", "family_name_kana", "given_name_kana", "family_name_romaji",
                   "given_name_romaji", "email", "phone", "postal_code", "address", "country", "birth_date")
LEDGER_COLUMNS = ("entry_id", "transaction_id", "business_date", "created_at", "kind", "member_number", "points",
                  "nights", "property", "reference", "award", "quantity", "voucher_number", "clerk", "terminal",
                  "approved_by", "reverses", "reason")
LEDGER_PERSONAL = ("family_name", "given_name")
_FREE_TEXT = {"family_name", "given_name", "family_name_kana", "given_name_kana", "family_name_romaji",
              "given_name_romaji", "address", "reason", "reference", "postal_code"}


@dataclass(frozen=True)
class ExportResult:
    subject: str                 # members | ledger
    path: Path
    rows: int
    personal_data: bool
    period_from: date | None
    period_to: date | None


@dataclass(frozen=True)
class ExportRecord:
    created_at: datetime
    subject: str
    clerk: str
    terminal: str
    property_code: str
    business_date: date
    period_from: date | None
    period_to: date | None
    rows: int
    personal_data: bool
    target: str | None


Progress = Callable[[int], None]


def _allowed(desk: Desk, personal: bool) -> None:
    desk.require("export_data")
    if personal:
        desk.require("export_personal_data")


def _period(start: date | None, end: date | None, required: bool) -> tuple[date | None, date | None]:
    if required and (start is None or end is None):
        raise errors.InvalidDates("An export of the ledger covers a period: give its first and last day.")
    for d in (start, end):
        if d is not None:
            _check_day(d)
    if start and end:
        if start > end:
            raise errors.InvalidDates("The period starts after it ends.")
        if (end - start).days >= MAX_PERIOD_DAYS:
            raise errors.InvalidDates("An export covers at most three years; export longer spans in parts.")
    return start, end


def _cell(column: str, value) -> str | int:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and column in _FREE_TEXT and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def export_members(db: Database, desk: Desk, out: str | Path, *, personal: bool = False,
                   enrolled_from: date | None = None, enrolled_to: date | None = None,
                   progress: Progress | None = None) -> ExportResult:
    """Every membership (or those enrolled in the period), open or closed,
    with its tier and valid points on the business date."""
    _allowed(desk, personal)
    start, end = _period(enrolled_from, enrolled_to, required=False)
    columns = MEMBER_COLUMNS + (MEMBER_PERSONAL if personal else ())
    return _write(db, desk, "members", out, columns, _member_rows(db, desk, personal, start, end), personal,
                  start, end, progress)


def export_ledger(db: Database, desk: Desk, out: str | Path, start: date | None, end: date | None, *,
                  personal: bool = False, progress: Progress | None = None) -> ExportResult:
    """Every ledger entry whose business date falls in the period, in the
    order they were written."""
    _allowed(desk, personal)
    start, end = _period(start, end, required=True)
    columns = LEDGER_COLUMNS + (LEDGER_PERSONAL if personal else ())
    return _write(db, desk, "ledger", out, columns, _ledger_rows(db, personal, start, end), personal, start, end,
                  progress)


def _member_rows(db: Database, desk: Desk, personal: bool, start, end) -> Iterator[dict]:
    on = desk.business_date
    levels = db.program.tiers.levels
    balance = (select(Lot.member_id, func.sum(Lot.remaining).label("points"))
               .where(Lot.remaining > 0, Lot.expires_on >= on).group_by(Lot.member_id).subquery())
    rank = case(*((TierStatus.tier == lvl.code, lvl.rank) for lvl in levels), else_=0)
    tier = (select(TierStatus.member_id, func.max(rank).label("rank"))
            .where(TierStatus.valid_from <= on, TierStatus.valid_until >= on,
                   TierStatus.cancelled_on.is_(None) | (TierStatus.cancelled_on > on))
            .group_by(TierStatus.member_id).subquery())
    kept = aliased(Member)
    stmt = (select(Member, func.coalesce(balance.c.points, 0), func.coalesce(tier.c.rank, 0), kept.number)
            .outerjoin(balance, balance.c.member_id == Member.id)
            .outerjoin(tier, tier.c.member_id == Member.id)
            .outerjoin(kept, kept.id == Member.merged_into_id)
            .order_by(Member.id))
    if start:
        stmt = stmt.where(Member.enrolled_on >= start)
    if end:
        stmt = stmt.where(Member.enrolled_on <= end)
    by_rank = {lvl.rank: lvl.code for lvl in levels}
    with db.read(transaction=True) as s:  # yield_per: a server-side cursor
        for m, points, r, merged_into in s.execute(stmt.execution_options(yield_per=CHUNK)):
            open_ = m.status == "active"
            row = {"member_number": m.number, "status": m.status, "registration": m.registration,
                   "enrolled_on": m.enrolled_on, "enrolled_at": m.enrolled_at, "closed_on": m.closed_on,
                   "tier": by_rank.get(int(r), levels[0].code) if open_ else "",
                   "points_balance": int(points) if open_ else 0, "preferred_language": m.preferred_language,
                   "premium_hotel": m.premium_hotel, "merged_into": merged_into}
            if personal:
                row.update(family_name=m.family_name, given_name=m.given_name, family_name_kana=m.family_kana,
                           given_name_kana=m.given_kana, family_name_romaji=m.family_name_roman,
                           given_name_romaji=m.given_name_roman, email=m.email, phone=m.phone,
                           postal_code=m.postal_code, address=m.address, country=m.country,
                           birth_date=m.birth_date)
            yield row


def _ledger_rows(db: Database, personal: bool, start: date, end: date) -> Iterator[dict]:
    E = LedgerEntry
    cols = [E, Member.number] + ([Member.family_name, Member.given_name] if personal else [])
    stmt = (select(*cols).join(Member, Member.id == E.member_id)
            .where(and_(E.business_date >= start, E.business_date <= end)).order_by(E.id))
    with db.read(transaction=True) as s:  # yield_per: a server-side cursor
        for row in s.execute(stmt.execution_options(yield_per=CHUNK)):
            e = row[0]
            out = {"entry_id": e.id, "transaction_id": e.transaction_id, "business_date": e.business_date,
                   "created_at": e.created_at, "kind": e.kind, "member_number": row[1], "points": e.points,
                   "nights": e.nights, "property": e.property_code, "reference": e.reference,
                   "award": e.award_code, "quantity": e.quantity, "voucher_number": e.voucher_number,
                   "clerk": e.clerk, "terminal": e.terminal, "approved_by": e.approved_by,
                   "reverses": e.reverses, "reason": e.reason}
            if personal:
                out.update(family_name=row[2], given_name=row[3])
            yield out


def _write(db: Database, desk: Desk, subject: str, out: str | Path, columns: tuple[str, ...],
           rows: Iterable[dict], personal: bool, start, end, progress: Progress | None) -> ExportResult:
    target = Path(out)
    if target.suffix.lower() != ".csv":
        raise errors.OutputNotWritable("An export is written to a file whose name ends in .csv.")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        if target.is_dir() or not folder.is_dir():
            raise NotADirectoryError(str(folder))
        fd, tmp_name = tempfile.mkstemp(prefix=".export-", suffix=".csv", dir=folder)
    except (OSError, ValueError) as exc:
        raise errors.OutputNotWritable(f"The export cannot be written to {str(target)[:200]}: "
                                       f"{type(exc).__name__}.") from None
    tmp = Path(tmp_name)
    placed = False
    try:
        count = 0
        try:
            with os.fdopen(fd, "w", encoding=ENCODING, newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(columns)
                for row in rows:
                    writer.writerow([_cell(c, row.get(c)) for c in columns])
                    count += 1
                    if progress is not None and count % CHUNK == 0:
                        progress(count)
        except OSError as exc:  # a full disk, a pulled USB stick
            raise errors.OutputNotWritable(f"The export could not be written: {type(exc).__name__}.") from None
        with db.write() as s:
            s.add(AuditEvent(kind="export", subject=subject, business_date=desk.business_date,
                             property_code=desk.property_code, clerk=desk.clerk, terminal=desk.terminal,
                             created_at=ledger.now(), period_from=start, period_to=end, rows=count,
                             personal_data=personal, target=target.name[:260]))
            s.flush()
            os.replace(tmp, target)
            placed = True
        if progress is not None:
            progress(count)
        return ExportResult(subject, target, count, personal, start, end)
    except BaseException:
        if placed:  # the record did not commit: the file must not stay behind without it
            target.unlink(missing_ok=True)
        raise
    finally:
        tmp.unlink(missing_ok=True)


def recent_exports(db: Database, desk: Desk, limit: int = 50) -> tuple[ExportRecord, ...]:
    """The latest exports, newest first (the office's check on who took what)."""
    desk.require("report_day")
    with db.read() as s:
        return tuple(ExportRecord(e.created_at, e.subject, e.clerk, e.terminal, e.property_code, e.business_date,
                                  e.period_from, e.period_to, e.rows, e.personal_data, e.target)
                     for e in s.scalars(select(AuditEvent).where(AuditEvent.kind == "export")
                                        .order_by(AuditEvent.id.desc()).limit(limit)))
