"""The hotel's business date: one per property, kept in the database so
every desk and desk-admin post on the same day, and moved on only by the
night audit.

Rules [decided]:
- a hotel's business date starts on the day its database is created (or
  upgraded to hold it), unless `desk-admin init --business-date` names
  another start for a new database (training, migration from another
  system): from 2000-01-01 up to tomorrow;
- the night audit rolls it one day forward at a time, never backwards;
- never past tomorrow's calendar date: an audit run before midnight may
  open the next day, but not the one after. A hotel whose audit fell
  behind catches up one day per roll.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Iterable

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db.schema import BusinessDay
from ..domain import errors
from . import ledger
from .context import Desk

if TYPE_CHECKING:
    from .database import Database

EARLIEST = date(2000, 1, 1)


@dataclass(frozen=True)
class BusinessDateView:
    property_code: str
    business_date: date
    previous: date | None
    changed_at: datetime
    changed_by: str


def today() -> date:
    return date.today()


def latest_allowed() -> date:
    return today() + timedelta(days=1)


def validate_start(day: date) -> date:
    if not (EARLIEST <= day <= latest_allowed()):
        raise errors.InvalidBusinessDate(
            f"A hotel's business date starts between {EARLIEST.isoformat()} and tomorrow "
            f"({latest_allowed().isoformat()}), not on {day.isoformat()}.")
    return day


def start_missing(session: Session, property_codes: Iterable[str], day: date | None = None,
                  by: str = "setup") -> None:
    """Hotels with no business date yet start on `day` (default today)."""
    codes = set(property_codes)
    have = set(session.scalars(select(BusinessDay.property_code).where(BusinessDay.property_code.in_(codes))))
    for code in sorted(codes - have):
        session.add(BusinessDay(property_code=code, business_date=day or today(), changed_at=ledger.now(),
                                changed_by=by[:64]))
    session.flush()


def current(db: "Database", property_code: str) -> date:
    """The hotel's business date (a hotel the database has none for yet,
    e.g. one added to the program file, starts today)."""
    with db.read() as s:
        day = s.scalar(select(BusinessDay.business_date).where(BusinessDay.property_code == property_code))
    if day is not None:
        return day
    try:
        with db.write() as s:
            start_missing(s, [property_code])
    except IntegrityError:  # another desk started it at the same moment
        pass
    with db.read() as s:
        return s.scalar(select(BusinessDay.business_date).where(BusinessDay.property_code == property_code))


def latest(db: "Database") -> date | None:
    """The most advanced business date among the database's hotels."""
    with db.read() as s:
        return s.scalar(select(func.max(BusinessDay.business_date)))


def roll(db: "Database", desk: Desk, to: date | None = None) -> BusinessDateView:
    """The night audit's last step: the desk's hotel moves to its next
    business date. `to`, when given, must be that date (a script's guard
    against rolling twice)."""
    desk.require("roll_business_date")
    with db.write() as s:
        row = s.scalar(select(BusinessDay).where(BusinessDay.property_code == desk.property_code)
                       .with_for_update())
        if row is None:
            start_missing(s, [desk.property_code])
            row = s.get(BusinessDay, desk.property_code)
        previous = row.business_date
        following = previous + timedelta(days=1)
        if to is not None and to != following:
            if to <= previous:
                raise errors.InvalidBusinessDate(
                    f"The business date is {previous.isoformat()}: it never goes back "
                    f"(to {to.isoformat()} was asked).")
            raise errors.InvalidBusinessDate(
                f"The business date moves one day at a time: from {previous.isoformat()} the next is "
                f"{following.isoformat()}, not {to.isoformat()}.")
        if following > latest_allowed():
            raise errors.InvalidBusinessDate(
                f"The business date {previous.isoformat()} cannot move to {following.isoformat()}: that is "
                f"after tomorrow's calendar date.")
        row.business_date, row.changed_at, row.changed_by = following, ledger.now(), desk.clerk[:64]
        return BusinessDateView(row.property_code, following, previous, row.changed_at, row.changed_by)
