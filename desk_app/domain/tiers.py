"""Status tiers: the calendar-year evaluation, the mid-year promotion and
the carry-over of points and nights above the tier reached."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Mapping

from .dates import first_of_next_month
from .program import TierLevel, TierRules


@dataclass(frozen=True)
class Status:
    tier: str
    valid_from: date
    valid_until: date
    basis_year: int
    source: str  # "evaluation", "promotion" or "merge"
    # From this date on the status no longer counts: a reversal took away
    # the figures it rested on. None: never cancelled.
    cancelled_on: date | None = None

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_until and (self.cancelled_on is None or day < self.cancelled_on)


@dataclass(frozen=True)
class YearFigures:
    year: int
    carry_points: int
    carry_nights: int
    earned_points: int
    earned_nights: int

    @property
    def points(self) -> int:
        return self.carry_points + self.earned_points

    @property
    def nights(self) -> int:
        return self.carry_nights + self.earned_nights


def reached(rules: TierRules, points: int, nights: int) -> TierLevel:
    best = rules.base
    for lvl in rules.levels[1:]:
        by_points = lvl.min_points is not None and points >= lvl.min_points
        by_nights = lvl.min_nights is not None and nights >= lvl.min_nights
        if (by_points or by_nights) and lvl.rank > best.rank:
            best = lvl
    return best


def status_window(rules: TierRules, year: int) -> tuple[date, date]:
    """Status earned in year Y: April 1 of Y+1 to March 31 of Y+2."""
    start = date(year + rules.validity_years_after, rules.validity_from_month, 1)
    end = date(start.year + 1, start.month, 1) - timedelta(days=1)
    return start, end


def carry_over(rules: TierRules, points: int, nights: int) -> tuple[int, int]:
    """Each measure carries separately: max(0, earned - minimum of the tier
    reached); a member who reached no tier carries nothing."""
    if not rules.carry_over:
        return 0, 0
    lvl = reached(rules, points, nights)
    if lvl.rank == 0:
        return 0, 0
    carry_p = max(0, points - lvl.min_points) if lvl.min_points is not None else 0
    carry_n = max(0, nights - lvl.min_nights) if lvl.min_nights is not None else 0
    return carry_p, carry_n


def year_figures(rules: TierRules, earned: Mapping[int, tuple[int, int]], year: int) -> YearFigures:
    """Figures for `year`: what was earned in it (by date of use) plus the
    carry-over chained from every earlier year of the member's history."""
    carry_p = carry_n = 0
    if earned:
        for y in range(min(min(earned), year), year):
            p, n = earned.get(y, (0, 0))
            carry_p, carry_n = carry_over(rules, carry_p + p, carry_n + n)
    p, n = earned.get(year, (0, 0))
    return YearFigures(year, carry_p, carry_n, p, n)


def tier_on(rules: TierRules, statuses: Iterable[Status], day: date) -> tuple[TierLevel, date | None]:
    """The highest status whose validity covers the day; the base tier otherwise."""
    best: tuple[TierLevel, date | None] = (rules.base, None)
    for st in statuses:
        if st.in_force_on(day):
            lvl = rules.level(st.tier)
            cur, until = best
            if lvl.rank > cur.rank or (lvl.rank == cur.rank and until is not None and st.valid_until > until):
                best = (lvl, st.valid_until)
    return best


def _already_holds(rules: TierRules, statuses: Iterable[Status], year: int, lvl: TierLevel) -> bool:
    # A cancelled status does not count: reaching the tier again (with the
    # right figures) promotes again.
    return any(st.basis_year == year and st.cancelled_on is None and rules.level(st.tier).rank >= lvl.rank
               for st in statuses)


# Statuses that rest on the member's own figures; a merged-in status rests
# on the other number's, which a reversal here does not touch.
FIGURE_SOURCES = ("promotion", "evaluation")


def no_longer_reached(rules: TierRules, status: Status, earned: Mapping[int, tuple[int, int]], on: date) -> bool:
    """True when a status earned on figures must be cancelled from `on`:
    still running or yet to start, and its basis year's figures (carry-over
    included) no longer reach its tier."""
    if status.source not in FIGURE_SOURCES or status.cancelled_on is not None or status.valid_until < on:
        return False
    fig = year_figures(rules, earned, status.basis_year)
    return reached(rules, fig.points, fig.nights).rank < rules.level(status.tier).rank


def year_end_status(rules: TierRules, figures: YearFigures, statuses: Iterable[Status]) -> Status | None:
    lvl = reached(rules, figures.points, figures.nights)
    if lvl.rank == 0 or _already_holds(rules, statuses, figures.year, lvl):
        return None
    start, end = status_window(rules, figures.year)
    return Status(lvl.code, start, end, figures.year, "evaluation")


def promotion(rules: TierRules, figures: YearFigures, statuses: Iterable[Status], business_date: date) -> Status | None:
    """Mid-year promotion: reaching a threshold upgrades from the first day
    of the next month, to the end date a year-end evaluation would give."""
    if not rules.mid_year_promotion:
        return None
    lvl = reached(rules, figures.points, figures.nights)
    if lvl.rank == 0 or _already_holds(rules, statuses, figures.year, lvl):
        return None
    start = first_of_next_month(business_date)
    end = status_window(rules, figures.year)[1]
    if start > end:
        return None
    return Status(lvl.code, start, end, figures.year, "promotion")


def progress_to_next(rules: TierRules, figures: YearFigures) -> tuple[TierLevel | None, float]:
    """The next tier above what the figures reach, and how far along (0..1)."""
    cur = reached(rules, figures.points, figures.nights)
    nxt = next((lvl for lvl in rules.levels if lvl.rank == cur.rank + 1), None)
    if nxt is None:
        return None, 1.0
    ratios = []
    if nxt.min_points:
        ratios.append(figures.points / nxt.min_points)
    if nxt.min_nights:
        ratios.append(figures.nights / nxt.min_nights)
    return nxt, min(1.0, max(ratios, default=0.0))
