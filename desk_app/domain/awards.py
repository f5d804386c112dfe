"""The award catalogue and who may take what."""

from __future__ import annotations

from dataclasses import dataclass

from . import errors
from .program import Award, Program

MAX_QUANTITY_DEFAULT = 99


@dataclass(frozen=True)
class AwardQuote:
    award: Award
    quantity: int
    points: int
    yen_covered: int | None


def quote(program: Program, code: str, quantity: int, channel: str | None = None) -> AwardQuote:
    award = program.award(code)
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1 or quantity > award.max_quantity:
        raise errors.InvalidAmount(f"The quantity must be between 1 and {award.max_quantity}.")
    if award.channels is not None and channel not in award.channels:
        allowed = ", ".join(award.channels)
        raise errors.AwardNotEligible(
            f"{award.name} applies only to stays booked through: {allowed}."
        )
    yen = award.yen_value * quantity if award.yen_value else None
    return AwardQuote(award, quantity, award.points * quantity, yen)


def check_member_may_redeem(program: Program, *, status: str, registration: str) -> None:
    if status != "active":
        raise errors.MemberClosed(f"The membership is {status}; it cannot earn or redeem.")
    if program.redeem_requires_full_registration and registration != "full":
        raise errors.FullRegistrationRequired(
            "Only fully registered members can redeem awards: complete the registration first."
        )


def available_awards(program: Program, balance: int) -> list[Award]:
    """What a member with this balance can take now (at least one unit)."""
    return [a for a in program.awards if a.points <= balance]
