"""Who is acting, where and on which business date: passed to every service
so each ledger entry records it."""

from __future__ import annotations

import getpass
import socket
from dataclasses import dataclass, replace
from datetime import date

from ..domain import errors

ROLES = ("cashier", "clerk", "supervisor")


@dataclass(frozen=True)
class Desk:
    business_date: date
    property_code: str
    clerk: str
    terminal: str
    role: str = "clerk"
    # A supervisor who approved this desk's action on the spot (see
    # clerks.supervisor_override): `clerk` stays the one at the desk, and
    # every ledger entry records both.
    approver: str | None = None

    def on(self, business_date: date) -> "Desk":
        return replace(self, business_date=business_date)

    def require(self, role: str, what: str) -> None:
        if ROLES.index(self.role) < ROLES.index(role):
            raise errors.NotPermitted(f"Only a {role} may {what}.")


def office_desk(business_date: date, property_code: str) -> Desk:
    """The desk-admin caller: the program office, acting as supervisor."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name on some service accounts
        user = "office"
    return Desk(business_date, property_code, f"admin:{user}"[:64], socket.gethostname()[:64] or "desk-admin",
                "supervisor")
