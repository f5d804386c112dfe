"""Redeeming awards and Pay by Points: oldest points first, never below
zero, one transaction with the member row locked."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from ..domain import awards, earning, errors
from . import ledger
from .context import Desk
from .database import Database
from .posting import validate_reference

# Cashiers at restaurants and bars redeem only these kinds.
# Award kinds a cashier may redeem have their own row in the role matrix.
_AWARD_ACTIONS = {"breakfast": "redeem_breakfast", "pay_by_points": "pay_by_points"}


def award_action(kind: str) -> str:
    """The role matrix's action for redeeming an award of this kind."""
    return _AWARD_ACTIONS.get(kind, "redeem_award")


@dataclass(frozen=True)
class RedemptionResult:
    transaction_id: str
    award: str
    quantity: int
    points_spent: int
    balance_after: int
    voucher_number: str
    yen_covered: int | None = None
    member_number: str = ""


def _voucher_number(desk: Desk) -> str:
    return f"{desk.property_code}-{desk.business_date:%y%m%d}-{secrets.token_hex(3).upper()}"


def redeem(db: Database, desk: Desk, number: str, award_code: str, quantity: int = 1, *,
           folio: str | None = None, channel: str | None = None, identity_confirmed: bool = True) -> RedemptionResult:
    program = db.program
    program.property(desk.property_code)
    q = awards.quote(program, award_code, quantity, channel)
    desk.require(award_action(q.award.kind))
    reference = validate_reference(folio) if folio else None
    if not identity_confirmed:
        raise errors.IdentityNotConfirmed("Confirm the member's identity before redeeming points.")
    tx = ledger.new_transaction_id()
    voucher = _voucher_number(desk)
    with db.write() as s:
        member = ledger.get_member(s, number, lock=True)
        awards.check_member_may_redeem(program, status=member.status, registration=member.registration)
        ledger.spend(s, desk, member, tx, "redeem", q.points, reference=reference, award_code=q.award.code,
                     quantity=q.quantity, voucher_number=voucher)
        return RedemptionResult(tx, q.award.code, q.quantity, q.points,
                                ledger.balance(s, member.id, desk.business_date), voucher, q.yen_covered,
                                member.number)


def pay_by_points(db: Database, desk: Desk, number: str, yen: int, *, folio: str | None = None,
                  identity_confirmed: bool = True) -> RedemptionResult:
    program = db.program
    award = next((a for a in program.awards if a.kind == "pay_by_points"), None)
    if award is None:
        raise errors.UnknownAward(f"{program.name} has no Pay by Points.")
    units = earning.yen_units(yen, award.yen_value)
    return redeem(db, desk, number, award.code, units, folio=folio, identity_confirmed=identity_confirmed)
