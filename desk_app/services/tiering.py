"""Tier state read from the database and the promotion check that runs
whenever points or nights are credited."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.schema import Credit, Member, TierStatus
from ..domain import tiers
from ..domain.program import Program
from .context import Desk


def earned_by_year(session: Session, member_id: int) -> dict[int, tuple[int, int]]:
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for day, pts, nights in session.execute(
        select(Credit.date_of_use, Credit.qualifying_points, Credit.nights).where(Credit.member_id == member_id)
    ):
        totals[day.year][0] += pts
        totals[day.year][1] += nights
    return {y: (p, n) for y, (p, n) in totals.items()}


def statuses(session: Session, member_id: int) -> list[tiers.Status]:
    return [
        tiers.Status(r.tier, r.valid_from, r.valid_until, r.basis_year, r.source, r.cancelled_on)
        for r in session.scalars(select(TierStatus).where(TierStatus.member_id == member_id))
    ]


def figures(session: Session, program: Program, member_id: int, year: int) -> tiers.YearFigures:
    return tiers.year_figures(program.tiers, earned_by_year(session, member_id), year)


def tier_on(session: Session, program: Program, member_id: int, day: date):
    return tiers.tier_on(program.tiers, statuses(session, member_id), day)


def may_be_upgraded(program: Program, member: Member) -> bool:
    return member.status == "active" and (
        member.registration == "full" or not program.upgrade_requires_full_registration
    )


def grant(session: Session, member: Member, status: tiers.Status, desk: Desk) -> None:
    session.add(TierStatus(
        member_id=member.id, tier=status.tier, valid_from=status.valid_from, valid_until=status.valid_until,
        basis_year=status.basis_year, source=status.source, granted_on=desk.business_date,
    ))


def check_promotion(session: Session, program: Program, desk: Desk, member: Member, years: set[int]) -> None:
    """Mid-year promotion for the evaluation years the new credits fall in."""
    if not program.tiers.mid_year_promotion or not may_be_upgraded(program, member):
        return
    session.flush()
    earned = earned_by_year(session, member.id)
    held = statuses(session, member.id)
    for year in sorted(years):
        if year < desk.business_date.year - 1:
            continue  # that year's status has run its course
        status = tiers.promotion(program.tiers, tiers.year_figures(program.tiers, earned, year), held,
                                 desk.business_date)
        if status is not None:
            grant(session, member, status, desk)
            held.append(status)
