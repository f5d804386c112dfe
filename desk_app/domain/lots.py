"""Lots: points with their own expiry date, spent oldest first.

A lot's earning date is the date of use (check-out date, bill date) or the
grant date for points given outside a stay; it fixes the expiry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Hashable, Iterable, Sequence

from . import errors
from .dates import month_end


def expiry_date(kind: str, years: int, earned_on: date) -> date:
    """Last day the points can be used.

    january_end_after_years (One Harmony): earned in year Y, usable through
    January 31 of Y + years ("25 months after January 1 of the following
    year, at the end of January").
    month_end_after_years (OMO): to the end of the month in which `years`
    years have passed since the earning date."""
    if kind == "january_end_after_years":
        return date(earned_on.year + years, 1, 31)
    if kind == "month_end_after_years":
        return month_end(earned_on.year + years, earned_on.month)
    raise ValueError(f"unknown expiry kind {kind}")


@dataclass(frozen=True)
class Lot:
    id: Hashable
    earned_on: date
    expires_on: date
    remaining: int

    def usable_on(self, day: date) -> bool:
        return self.remaining > 0 and self.expires_on >= day


def spending_order(lots: Iterable[Lot]) -> list[Lot]:
    """The lots that expire first are used first; ties by earning date, then id
    so two desks always agree on the order."""
    return sorted(lots, key=lambda lot: (lot.expires_on, lot.earned_on, str(lot.id)))


def balance(lots: Iterable[Lot], on: date) -> int:
    """What the desk shows: expired points never count, batch run or not."""
    return sum(lot.remaining for lot in lots if lot.usable_on(on))


def allocate(lots: Sequence[Lot], points: int, on: date) -> list[tuple[Hashable, int]]:
    """Which lots a spend of `points` draws from, and how much from each."""
    if points <= 0:
        raise errors.InvalidAmount("The points to spend must be a positive whole number.")
    usable = spending_order(lot for lot in lots if lot.usable_on(on))
    available = sum(lot.remaining for lot in usable)
    if available < points:
        raise errors.InsufficientPoints(
            f"The member has {available:,} valid points; {points:,} are needed."
        )
    plan: list[tuple[Hashable, int]] = []
    left = points
    for lot in usable:
        take = min(lot.remaining, left)
        plan.append((lot.id, take))
        left -= take
        if left == 0:
            break
    return plan


def expired_lots(lots: Iterable[Lot], on: date) -> list[Lot]:
    return [lot for lot in lots if lot.remaining > 0 and lot.expires_on < on]
