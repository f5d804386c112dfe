"""What a signed-in desk carries: the database, its program, the worker,
the settings and who is at the desk. Passed explicitly to every window and
dialog (no global main-window object)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ..config import Settings
from ..domain.dates import age_on
from ..domain.program import Program
from ..services import roles
from ..services.context import Desk
from .worker import Worker

if TYPE_CHECKING:  # the sign-in window shows before SQLAlchemy is loaded (ui/app.py)
    from ..services.clerks import ClerkView
    from ..services.database import Database


@dataclass
class DeskSession:
    # None for the moment between the sign-in window showing and the worker
    # opening the database; every service call is queued after that.
    db: Database | None
    settings: Settings
    worker: Worker
    program: Program
    clerk: ClerkView | None = None
    # The hotel's business date as the database had it when last read on the
    # worker (services.business_date): at start, sign-in, and every few
    # minutes while the window is open, so the night audit's roll is seen.
    business_date: date | None = None

    @property
    def property_code(self) -> str:
        return self.settings.property_code or self.program.properties[0].code

    @property
    def property_name(self) -> str:
        try:
            return self.program.property(self.property_code).name
        except Exception:  # an unknown code in the settings file: show the code
            return self.property_code

    @property
    def desk(self) -> Desk:
        clerk = self.clerk
        if self.business_date is None:  # a session built by hand (scripts): read it once
            from ..services import business_date

            self.business_date = business_date.current(self.db, self.property_code)
        return Desk(self.business_date, self.property_code, clerk.login if clerk else "",
                    self.settings.effective_terminal, clerk.role if clerk else "cashier")

    def may(self, action: str) -> bool:
        """Whether the role matrix lets the signed-in clerk do `action`: for
        showing or hiding actions only; the services enforce it."""
        return self.clerk is not None and roles.allowed(self.clerk.role, action)

    def is_minor(self, birth: date | None) -> bool:
        """Whether the desk must ask for a guardian's consent (the service decides)."""
        return birth is not None and age_on(birth, self.desk.business_date) < self.program.age_of_majority

    def signed_in(self, clerk: ClerkView) -> "DeskSession":
        return replace(self, clerk=clerk)
