"""The role matrix: which role may do what, in this one table.

Every service function that reads or changes member data (or clerk
accounts) names its action here and refuses `not_permitted` before it
touches the database; the desk only hides what the matrix would refuse, and
desk-admin signs in so the same matrix applies to it. Roles are ordered:
a clerk may do everything a cashier may, a supervisor everything."""

from __future__ import annotations

from ..domain import errors

ROLES = ("cashier", "clerk", "supervisor")

# action -> (the least role that may do it, what it is in a refusal's words)
MATRIX: dict[str, tuple[str, str]] = {
    # The cashier's counter: find the guest, post what they paid, spend points on the spot.
    "lookup": ("cashier", "look members up"),
    "show": ("cashier", "open a member's page"),
    "history": ("cashier", "read a member's history"),
    "verify_card": ("cashier", "check a membership card"),
    "post_bill": ("cashier", "post a restaurant or bar bill"),
    "pay_by_points": ("cashier", "settle a bill with points"),
    "redeem_breakfast": ("cashier", "redeem a breakfast award"),
    # The front desk: enrol, keep contact data, post stays and claims, any award, cards.
    "register": ("clerk", "register a member"),
    "complete_registration": ("clerk", "complete a member's registration"),
    "update_contact": ("clerk", "change a member's address, phone or e-mail"),
    "post_stay": ("clerk", "post a stay or a missing-stay claim"),
    "redeem_award": ("clerk", "redeem this award"),
    "issue_card": ("clerk", "issue or replace a membership card"),
    # A stated preference of the member, like contact data (docs/program-rules.md 7).
    "premium_selection": ("clerk", "choose the Premium Selection hotel"),
    # The office.
    "register_without_email": ("supervisor", "register a member without an e-mail address"),
    "register_without_reading": ("supervisor", "enrol a name in kanji without its reading"),
    "change_name": ("supervisor", "change a member's name"),
    "change_birth_date": ("supervisor", "change a member's birth date"),
    "adjust": ("supervisor", "adjust points"),
    "merge": ("supervisor", "merge memberships"),
    "withdraw": ("supervisor", "close a membership"),
    "reverse": ("supervisor", "reverse a posting"),
    # What a reversal would do, for the review line before a supervisor
    # approves at the desk: nothing beyond the member's own history.
    "preview_reversal": ("cashier", "preview a reversal"),
    "revoke": ("supervisor", "revoke a membership"),
    "readmit": ("supervisor", "re-admit a revoked member"),
    "import_members": ("supervisor", "import members"),
    "expire_points": ("supervisor", "run the expiry batch"),
    "evaluate_tiers": ("supervisor", "run the tier evaluation"),
    "inactive": ("supervisor", "list inactive memberships"),
    "demo_data": ("supervisor", "load demo data"),
    "check_ledger": ("supervisor", "check the ledger"),
    "backup": ("supervisor", "back up the database"),
    "restore": ("supervisor", "restore the database"),
    "roll_business_date": ("supervisor", "roll the business date"),
    "manage_card_keys": ("supervisor", "manage the card-signing keys"),
    "manage_clerks": ("supervisor", "manage clerk accounts"),
    "upgrade_schema": ("supervisor", "upgrade the database"),
    # The office's tools (services/reports.py, exports.py, duplicates.py,
    # night_audit.py). Any signed-in clerk prints their own shift report; a
    # clerk may export members or the ledger without personal data; names,
    # contact data and birth dates leave the database only in a
    # supervisor's export.
    "night_audit": ("supervisor", "run the night audit"),
    "report_day": ("supervisor", "read the day report"),
    "report_shift_own": ("cashier", "read your own shift report"),
    "report_shift_other": ("supervisor", "read another clerk's shift report"),
    "report_program": ("supervisor", "read the program reports"),
    "export_data": ("clerk", "export members or the ledger"),
    "export_personal_data": ("supervisor", "export personal data"),
    "find_duplicates": ("supervisor", "look for duplicate memberships"),
}


def rank(role: str) -> int:
    """-1 for anything that is not a role, so it is allowed nothing."""
    return ROLES.index(role) if role in ROLES else -1


def minimum_role(action: str) -> str:
    return MATRIX[action][0]


def allowed(role: str, action: str) -> bool:
    return rank(role) >= rank(minimum_role(action))


def require(role: str, action: str) -> None:
    least, what = MATRIX[action]
    if not allowed(role, action):
        raise errors.NotPermitted(f"Only a {least} may {what}." if least != "cashier"
                                  else f"Only a signed-in clerk may {what}.")
