"""Who is acting, where and on which business date: passed to every service
so each ledger entry records it, and so each service can check the role
against the one matrix in services.roles."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from . import roles
from .roles import ROLES

__all__ = ["Desk", "ROLES"]


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

    def may(self, action: str) -> bool:
        return roles.allowed(self.role, action)

    def require(self, action: str) -> None:
        """Refuse `not_permitted` unless the matrix lets this role do `action`."""
        roles.require(self.role, action)
