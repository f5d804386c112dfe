"""Revoking inactive memberships from the office's list (T&C 7.2), one by
one or many selected: each revocation is its own transaction
(services.office.revoke), so a refusal or a stop leaves the others as
they are.

[decided] Just before each revocation the membership is checked again
against the inactivity rule as of the business date: a member who stayed
or earned since the list was made is skipped (`not_inactive`), not
revoked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..domain import errors
from ..domain.dates import add_months
from . import batch, ledger, office
from .context import Desk
from .database import Database
from .registration import validate_reason


@dataclass(frozen=True)
class RevocationOutcome:
    revoked: tuple[str, ...]
    refused: tuple[tuple[str, str], ...]     # (member number, code)
    cancelled: bool


def revoke_inactive(db: Database, desk: Desk, numbers: Sequence[str], reason: str, *, months: int | None = None,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> RevocationOutcome:
    desk.require("revoke")
    why = validate_reason(reason, "reason")
    months = db.program.inactivity_months if months is None else months
    cutoff = add_months(desk.business_date, -months)
    revoked: list[str] = []
    refused: list[tuple[str, str]] = []
    stopped = False
    for i, number in enumerate(numbers):
        if cancelled is not None and cancelled():
            stopped = True
            break
        try:
            with db.read() as s:
                member = ledger.get_member(s, number)
                ledger.require_active(member)
                still = member.enrolled_on <= cutoff and batch.last_activity(s, member) <= cutoff
            if not still:
                refused.append((number, "not_inactive"))
            else:
                office.revoke(db, desk, number, why)
                revoked.append(number)
        except errors.DeskError as exc:
            refused.append((number, exc.code))
        if progress is not None:
            progress(i + 1, len(numbers))
    return RevocationOutcome(tuple(revoked), tuple(refused), stopped)
