"""Premium Selection: one chosen hotel, changed at most once per
April-to-March year and not before April 1 of the year after the first
choice; some hotels only for higher tiers."""

from __future__ import annotations

from datetime import date
from typing import Mapping, Sequence

from . import errors


def program_year_start(day: date) -> date:
    return date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def check_choice(*, hotel: str, tier: str, restricted: Mapping[str, Sequence[str]], first_chosen: date | None,
                 changes: Sequence[date], business_date: date) -> None:
    """`changes`: the dates of earlier changes (not the first choice)."""
    allowed = restricted.get(hotel)
    if allowed is not None and tier not in allowed:
        raise errors.PremiumSelectionRestricted(
            f"{hotel} can be chosen only by {' and '.join(t.title() for t in allowed)} members."
        )
    if first_chosen is None:
        return
    if business_date < date(first_chosen.year + 1, 4, 1):
        raise errors.PremiumSelectionLocked(
            f"The Premium Selection hotel can be changed from {first_chosen.year + 1}-04-01."
        )
    start = program_year_start(business_date)
    if any(day >= start for day in changes):
        raise errors.PremiumSelectionLocked(
            "The Premium Selection hotel has already been changed this April-to-March year."
        )
