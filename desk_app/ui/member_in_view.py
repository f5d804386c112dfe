"""The one member in view at the desk.

The member page, the window title and every member action read this one
object, so they can never name different guests. Whatever makes the
search stop matching the member (new text, no result, a refused card)
clears it, and the actions go quiet until a member is opened again.

Loading is asynchronous: a member asked for before the search changed
must not appear after it, so each request carries a ticket and only the
newest one may fill the view."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class MemberInView(QObject):
    sig_changed = Signal(object)   # the MemberView now in view, or None

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.view = None
        self.history: tuple = ()
        self.query: str | None = None   # the search text the member was opened from
        self._ticket = 0

    @property
    def number(self) -> str | None:
        return self.view.member_number if self.view is not None else None

    def ticket(self) -> int:
        """Taken when a member is asked for; show() with an older one is ignored."""
        self._ticket += 1
        return self._ticket

    def is_current(self, ticket: int) -> bool:
        return ticket == self._ticket

    def show(self, view, history=(), *, query: str | None = None, ticket: int | None = None) -> bool:
        if ticket is not None and not self.is_current(ticket):
            return False
        if query is not None or self.number != view.member_number:
            self.query = query
        self.view = view
        self.history = tuple(history)
        self.sig_changed.emit(view)
        return True

    def clear(self) -> None:
        self._ticket += 1   # whatever is still loading arrives too late
        self.query = None
        if self.view is None:
            return
        self.view = None
        self.history = ()
        self.sig_changed.emit(None)

    def matches(self, query: str) -> bool:
        """Does the search field still say what opened this member?"""
        return self.view is not None and query == self.query
