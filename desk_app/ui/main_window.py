"""The desk's one window: the always-ready search field, the results, the
member page, and every action in a menu with its shortcut."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (QLabel, QMainWindow, QSplitter, QStackedWidget, QToolBar, QVBoxLayout,
                               QWidget)

from ..services import cards as card_service, lookup
from . import formatting as fmt, messages, screen_fit
from .business_day import BusinessDayWatcher
from .idle import IdleWatcher
from .language_menu import LanguageMenu
from .member_in_view import MemberInView
from .member_page import MemberPage
from .models import MemberResultsModel
from .office import menu as office_tools
from .scanner import ScanCatcher, tell_close_first
from .session import DeskSession
from .widgets import ErrorLabel, ScanLineEdit, make_action, make_table

LIVE_DELAY_MS = 200


# The menu actions a role may not see: each hidden when the services' role
# matrix would refuse what it does. This desk's own settings count as the
# office's (supervisor) too.
ROLE_ACTIONS = {
    "actionEnrol": "register", "actionFullRegistration": "complete_registration",
    "actionIssueCard": "issue_card", "actionPremiumSelection": "premium_selection",
    "actionPostStay": "post_stay", "actionClaimStay": "post_stay", "actionAdjust": "adjust",
    "actionChangeName": "change_name", "actionMerge": "merge", "actionWithdraw": "withdraw",
    # Anyone may ask for a reversal; a supervisor approves it on the spot (ui/supervisor_override.py).
    "actionReverse": "preview_reversal", "actionRevoke": "revoke",
    "actionUnlockClerk": "manage_clerks", "actionNewClerk": "manage_clerks", "actionSettings": "manage_clerks",
    "actionResetPassword": "manage_clerks", "actionDeactivateClerk": "manage_clerks",
    "actionBackup": "backup", "actionRestore": "restore",
}
ROLE_ACTIONS.update(office_tools.ROLE_ACTIONS)  # the office's block: night audit, reports, exports, lists


def load_member(db, desk, number: str):
    """The member page's data: the member and the recent history (worker)."""
    return lookup.show(db, desk, number), lookup.history(db, desk, number, limit=50)


class MainWindow(QMainWindow):
    sig_member_shown = Signal(object)
    sig_results = Signal(int)
    sig_locked = Signal(bool)
    sig_signed_out = Signal()
    sig_language_chosen = Signal(str)   # Desk > Language: the owner rebuilds the window in it
    sig_clerk_changed = Signal(object)  # another clerk signed in at the lock screen

    def __init__(self, session: DeskSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Harmony Desk"))
        self.dialog = None            # the dialog opened last (tests reach it here)
        self.paid_with_points: dict[str, tuple[int, str | None]] = {}   # member -> (yen, check) just paid
        self.in_view = MemberInView(self)
        self.in_view.sig_changed.connect(self.on_member_in_view)
        self._query_running = False
        self._query_pending: tuple[str, bool] | None = None
        self._shown_query: str | None = None
        self.locked = False

        self._build_lookup()
        self._build_actions()
        self._build_menus()
        office_tools.install(self)   # Office menu: night audit, reports, exports, duplicates, inactive
        self._build_status()
        self.idle = IdleWatcher(session.settings.idle_lock_minutes, self)
        self.idle.sig_idle.connect(self.lock_screen)
        self.business_day = BusinessDayWatcher(self)
        self.business_day.sig_changed.connect(self.on_business_date_changed)
        self.apply_role()
        self.scanner = ScanCatcher(self)
        self.scanner.sig_scanned.connect(self.on_scanned)
        self.scanner.sig_scanned_in_dialog.connect(lambda _payload, dialog: tell_close_first(dialog))
        # 1280x820 where it fits, else the screen's available room, title bar and status bar included;
        # where this desk left it on this screen last time.
        self._fitted_shown = False
        self.fit_to_screen()
        QTimer.singleShot(0, self.focus_lookup)

    @property
    def member(self):
        """The member in view (MemberView), or None."""
        return self.in_view.view

    # -- building -----------------------------------------------------------
    def _build_lookup(self) -> None:
        self.lookup_input = ScanLineEdit()
        self.lookup_input.setObjectName("lookupInput")
        self.lookup_input.setPlaceholderText(
            self.tr("Scan the card, or type a member number, e-mail, phone or name (F2)"))
        self.lookup_input.setClearButtonEnabled(True)
        font = QFont(self.lookup_input.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.lookup_input.setFont(font)
        self.lookup_input.setMinimumHeight(self.lookup_input.sizeHint().height() + 8)
        self.lookup_input.textEdited.connect(self.on_query_edited)
        self.lookup_input.textChanged.connect(self.on_query_changed)
        self.lookup_input.sig_submitted.connect(self.on_query_submitted)
        self.lookup_input.sig_move.connect(self.on_move_selection)

        self.lookup_status = ErrorLabel()
        self.lookup_status.setObjectName("lookupStatus")

        self.results_model = MemberResultsModel(self)
        # The name takes the room (not Status, with no results).
        self.results_view = make_table(self.results_model, "resultsView", stretch_column=1)
        self.results_view.activated.connect(self.on_result_activated)
        self.results_view.doubleClicked.connect(self.on_result_activated)

        self.live_timer = QTimer(self)
        self.live_timer.setSingleShot(True)
        self.live_timer.setInterval(LIVE_DELAY_MS)
        self.live_timer.timeout.connect(lambda: self.start_lookup(self.lookup_input.text(), False))

        self.member_page = MemberPage(self.session.program)

        # Results above the member page: every column of both fits the width.
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.results_view)
        splitter.addWidget(self.member_page)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        self.results_view.setMinimumHeight(self.results_view.verticalHeader().defaultSectionSize() * 2 + 8)
        splitter.setSizes([170, 600])
        self.splitter = splitter

        desk = QWidget()
        layout = QVBoxLayout(desk)
        layout.addWidget(self.lookup_input)
        layout.addWidget(self.lookup_status)
        layout.addWidget(splitter, 1)

        self.locked_page = QLabel(self.tr("The desk is locked. Sign in to continue."))
        self.locked_page.setObjectName("lockedPage")
        self.locked_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(desk)
        self.stack.addWidget(self.locked_page)
        self.setCentralWidget(self.stack)

    def _build_actions(self) -> None:
        a = self.actions_by_name = {}

        def add(text, shortcut, slot, name, tip=None):
            action = make_action(self, text, shortcut, slot, name, tip)
            self.addAction(action)
            a[name] = action
            return action

        add(self.tr("&Find member"), "F2", self.focus_lookup, "actionFind",
            self.tr("Back to the search field"))
        kana = add(self.tr("&Kana input in search"), "F3", None, "actionKanaInput",
                   self.tr("Let the input method type kana in the search field for the next search"))
        kana.setCheckable(True)
        kana.toggled.connect(self.on_kana_toggled)
        add(self.tr("&Refresh member"), "F5", self.refresh_member, "actionRefresh")
        add(self.tr("&Enrol new member…"), "Ctrl+N", self.on_enrol, "actionEnrol",
            self.tr("Simple registration: name, kana, e-mail"))
        add(self.tr("F&ull registration…"), "Ctrl+R", self.on_full_registration, "actionFullRegistration",
            self.tr("Address, phone and birth date, needed to redeem"))
        add(self.tr("&Card…"), "Ctrl+K", self.on_card, "actionIssueCard",
            self.tr("Preview, print or replace the membership card"))
        add(self.tr("Premium Selection &hotel…"), "Ctrl+H", self.on_premium, "actionPremiumSelection",
            self.tr("Choose or change the member's Premium Selection hotel"))
        add(self.tr("Post &stay at checkout…"), "F6", self.on_post_stay, "actionPostStay")
        add(self.tr("&Missing-stay claim…"), "F7", self.on_claim_stay, "actionClaimStay")
        add(self.tr("Post restaurant &bill…"), "F8", self.on_post_bill, "actionPostBill")
        add(self.tr("Re&deem award…"), "F9", self.on_redeem, "actionRedeem")
        add(self.tr("&Pay by Points…"), "Shift+F9", self.on_pay_by_points, "actionPayByPoints")
        add(self.tr("&Adjust points…"), "Ctrl+Shift+A", self.on_adjust, "actionAdjust")
        add(self.tr("C&hange name…"), "Ctrl+Shift+E", self.on_change_name, "actionChangeName",
            self.tr("Name, reading and the romaji on the card (supervisor)"))
        add(self.tr("&Merge memberships…"), "Ctrl+Shift+M", self.on_merge, "actionMerge")
        add(self.tr("&Withdraw membership…"), "Ctrl+Shift+W", self.on_withdraw, "actionWithdraw")
        add(self.tr("Rev&oke membership…"), "Ctrl+Shift+R", self.on_revoke, "actionRevoke",
            self.tr("Disqualification or 36 months without a stay or points; the reason is required"))
        add(self.tr("Re&verse…"), "Ctrl+Shift+V", self.on_reverse, "actionReverse",
            self.tr("Undo the entry chosen in the member's history (a supervisor approves)"))
        add(self.tr("&Unlock clerk…"), "Ctrl+Shift+U", self.on_unlock_clerk, "actionUnlockClerk")
        add(self.tr("&New clerk account…"), "Ctrl+Shift+N", self.on_new_clerk, "actionNewClerk")
        add(self.tr("&Reset a clerk's password…"), "Ctrl+Shift+K", self.on_reset_password, "actionResetPassword")
        add(self.tr("&Deactivate a clerk…"), "Ctrl+Shift+X", self.on_deactivate_clerk, "actionDeactivateClerk")
        add(self.tr("Change &password…"), "Ctrl+Shift+P", self.on_change_password, "actionChangePassword",
            self.tr("Your own password; the current one is asked again"))
        add(self.tr("&Back up now…"), "Ctrl+Shift+B", self.on_backup, "actionBackup",
            self.tr("A checked copy of the database (supervisor)"))
        add(self.tr("Res&tore from backup…"), "Ctrl+Shift+O", self.on_restore, "actionRestore",
            self.tr("Replace the database with a checked backup; the current one is saved aside (supervisor)"))
        add(self.tr("Desk &settings…"), "Ctrl+,", self.on_settings, "actionSettings",
            self.tr("Hotel, terminal code and idle lock for this computer"))
        add(self.tr("&Lock the desk"), "Ctrl+L", self.lock_screen, "actionLock")
        add(self.tr("Sign &out"), "Ctrl+Shift+Q", self.sign_out, "actionSignOut")
        add(self.tr("&Quit"), "Ctrl+Q", self.close, "actionQuit")
        for name in ("actionEnrol", "actionFullRegistration", "actionIssueCard", "actionPostStay",
                     "actionPostBill", "actionRedeem", "actionPayByPoints", "actionSignOut"):
            setattr(self, name, a[name])

    def _build_menus(self) -> None:
        a = self.actions_by_name
        bar = self.menuBar()
        groups = [
            (self.tr("&Member"), ["actionFind", "actionKanaInput", "actionRefresh", None, "actionEnrol",
                                  "actionFullRegistration", "actionIssueCard", "actionPremiumSelection"]),
            (self.tr("&Points"), ["actionPostStay", "actionClaimStay", "actionPostBill", None, "actionRedeem",
                                  "actionPayByPoints"]),
            (self.tr("&Office"), ["actionReverse", None, "actionAdjust", "actionChangeName", "actionMerge",
                                  "actionWithdraw", "actionRevoke", None,
                                  "actionUnlockClerk", "actionNewClerk", "actionResetPassword",
                                  "actionDeactivateClerk", None, "actionBackup", "actionRestore"]),
            (self.tr("&Desk"), ["actionSettings", "actionChangePassword", None, "actionLock", "actionSignOut", None,
                                "actionQuit"]),
        ]
        self.menus = {}
        for title, names in groups:
            menu = bar.addMenu(title)
            menu.setToolTipsVisible(True)
            self.menus[title] = menu
            for name in names:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a[name])
        self.office_menu = self.menus[self.tr("&Office")]
        desk_menu = self.menus[self.tr("&Desk")]
        self.language_menu = LanguageMenu(desk_menu)
        desk_menu.insertMenu(a["actionLock"], self.language_menu)
        desk_menu.insertSeparator(a["actionLock"])
        self.language_menu.sig_language_chosen.connect(self.sig_language_chosen)
        self.addActions(list(self.language_menu.actions_by_code.values()))   # their keys work anywhere
        tools = QToolBar(self.tr("Actions"))
        tools.setObjectName("mainToolBar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in ("actionFind", "actionEnrol", "actionIssueCard", "actionPostStay", "actionPostBill",
                     "actionRedeem", "actionPayByPoints"):
            tools.addAction(a[name])
            # As on a POS: the key on the button ("F6 Post stay at checkout").
            keys = a[name].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            a[name].setIconText(f"{keys} {a[name].property('plain')}" if keys else a[name].property("plain"))
        self.addToolBar(tools)
        self.toolbar = tools

    def _build_status(self) -> None:
        self.status_label = QLabel()
        self.status_label.setObjectName("deskStatus")
        self.statusBar().addPermanentWidget(self.status_label)
        self.busy_label = QLabel(self.tr("Working…"))
        self.busy_label.hide()
        self.statusBar().addWidget(self.busy_label)
        self.session.worker.sig_busy.connect(self.busy_label.setVisible)

    # -- roles --------------------------------------------------------------
    def apply_role(self) -> None:
        s = self.session
        a = self.actions_by_name
        for name, action in ROLE_ACTIONS.items():
            a[name].setVisible(s.may(action))
            self._role_refusal(a[name], not s.may(action))
        self.member_page.mask_contact = not s.may("update_contact")
        # A clerk sees the Office menu for Reverse… alone.
        self.office_menu.menuAction().setVisible(any(a.isVisible() for a in self.office_menu.actions()
                                                     if not a.isSeparator()))
        clerk = s.clerk
        desk = (self.tr("%3 (%4)  ·  Terminal %5  ·  Business date %6  ·  %7")
                .replace("%3", s.property_name).replace("%4", s.property_code)
                .replace("%5", s.settings.effective_terminal).replace("%6", fmt.day(s.desk.business_date))
                .replace("%7", s.program.name))
        # Signed out: no empty "()" where the clerk was.
        self.status_label.setText(
            self.tr("%1 (%2)").replace("%1", clerk.name).replace("%2", fmt.role_text(clerk.role)) + "  ·  " + desk
            if clerk else self.tr("Signed out") + "  ·  " + desk)
        self.update_actions()

    def _role_refusal(self, action, hidden: bool) -> None:
        """A hidden action's key is not silent: it says whose work it is."""
        from PySide6.QtGui import QShortcut

        if not hasattr(self, "_refusal_keys"):
            self._refusal_keys = {}
        key = self._refusal_keys.get(action.objectName())
        if key is None and hidden and not action.shortcut().isEmpty():
            key = QShortcut(action.shortcut(), self)
            key.activated.connect(lambda a=action: self.say(messages.not_in_role(
                f"{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)} {a.property('plain')}",
                fmt.role_text(self.session.clerk.role) if self.session.clerk else "")))
            self._refusal_keys[action.objectName()] = key
        if key is not None:
            key.setEnabled(hidden and not self.locked)

    def update_actions(self) -> None:
        active = self.member is not None and self.member.status == "active"
        a = self.actions_by_name
        for name in ("actionFullRegistration", "actionIssueCard", "actionPremiumSelection", "actionPostStay",
                     "actionClaimStay", "actionPostBill", "actionRedeem", "actionPayByPoints", "actionAdjust",
                     "actionChangeName", "actionMerge", "actionWithdraw", "actionRevoke", "actionReverse"):
            a[name].setEnabled(active and not self.locked)
        a["actionRefresh"].setEnabled(self.member is not None)

    # -- lookup -------------------------------------------------------------
    def focus_lookup(self) -> None:
        if self.locked:
            return
        self.activateWindow()
        self.lookup_input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.lookup_input.selectAll()

    def on_kana_toggled(self, on: bool) -> None:
        self.lookup_input.allow_ime(on)
        self.focus_lookup()

    def on_query_changed(self, text: str) -> None:
        if text != self._shown_query:
            self._shown_query = None  # the results on screen no longer answer this text
        if not self.in_view.matches(text):
            self.in_view.clear()      # the page must not show a member the search no longer names

    def on_query_edited(self, text: str) -> None:
        if not text.strip():
            self.live_timer.stop()
            self.results_model.set_rows(())
            self.lookup_status.clear_message()
            return
        # A card being scanned is only looked up once the scanner sends Enter.
        if card_service.looks_like_payload(text):
            self.live_timer.stop()
            return
        self.live_timer.start()

    def on_scanned(self, payload: str) -> None:
        """A card scanned while the desk window is active, whatever had focus."""
        if self.locked:
            return
        self.live_timer.stop()
        self.lookup_input.setText(payload)
        self.focus_lookup()
        self.start_lookup(payload, True)

    def on_query_submitted(self, text: str) -> None:
        self.live_timer.stop()
        if self.actions_by_name["actionKanaInput"].isChecked():
            self.actions_by_name["actionKanaInput"].setChecked(False)
        if not text.strip():
            return
        if (text == self._shown_query and self.results_model.rowCount() and not self._query_running
                and not card_service.looks_like_payload(text)):
            self.open_selected()
            return
        self.start_lookup(text, True)

    def start_lookup(self, text: str, open_single: bool) -> None:
        """One lookup at a time; while one runs only the newest query waits."""
        if self._query_running:
            self._query_pending = (text, open_single)
            return
        self._query_running = True
        self.session.worker.submit(
            lookup.lookup, self.session.db, self.session.desk, text, owner=self,
            on_done=lambda rows: self.on_lookup_done(text, open_single, rows),
            on_failed=lambda exc: self.on_lookup_failed(text, open_single, exc))

    def _next_lookup(self) -> bool:
        self._query_running = False
        pending, self._query_pending = self._query_pending, None
        if pending is not None:
            self.start_lookup(*pending)
            return True
        return False

    def on_lookup_done(self, text: str, open_single: bool, rows) -> None:
        if self._next_lookup() and not open_single:
            return  # a newer query is on its way
        self._shown_query = text
        self.results_model.set_rows(rows)
        if not rows:
            self.in_view.clear()
        if rows:
            self.results_view.selectRow(0)
            self.lookup_status.clear_message()
        else:
            self.lookup_status.show_message(self.tr("No member found for “%1”.").replace("%1", text.strip()[:60]))
        self.fit_results()
        self.sig_results.emit(len(rows))
        if open_single and len(rows) == 1 and text == self.lookup_input.text():
            self.show_member(rows[0].member_number, query=text)
            self.lookup_input.selectAll()

    def on_lookup_failed(self, text: str, open_single: bool, exc: BaseException) -> None:
        if self._next_lookup() and not open_single:
            return
        self._shown_query = text
        self.results_model.set_rows(())
        self.in_view.clear()
        self.lookup_status.show_message(messages.describe(exc))
        self.lookup_input.selectAll()
        self.sig_results.emit(0)

    def on_move_selection(self, step: int) -> None:
        count = self.results_model.rowCount()
        if not count:
            return
        current = self.results_view.currentIndex().row()
        row = min(count - 1, max(0, (current if current >= 0 else -1) + step))
        self.results_view.selectRow(row)

    def on_result_activated(self, index) -> None:
        if index.isValid():
            self.show_member(self.results_model.row(index.row()).member_number, query=self.lookup_input.text())

    def open_selected(self) -> None:
        row = self.results_view.currentIndex().row()
        if row < 0 and self.results_model.rowCount():
            row = 0
        if row >= 0:
            self.show_member(self.results_model.row(row).member_number, query=self.lookup_input.text())

    # -- the member page ------------------------------------------------------
    def show_member(self, number: str, query: str | None = None) -> None:
        """Open (or refresh) a member; `query` is the search text that names
        them (None: the text the member in view was opened from)."""
        ticket = self.in_view.ticket()
        if query is None:
            query = self.in_view.query if self.in_view.number == number else self.lookup_input.text()
        self.session.worker.submit(load_member, self.session.db, self.session.desk, number, owner=self,
                                   on_done=lambda r: self.on_member_loaded(r, ticket, query),
                                   on_failed=lambda exc: self.on_member_failed(exc, ticket))

    def refresh_member(self) -> None:
        if self.member is not None:
            self.show_member(self.member.member_number)

    def on_member_loaded(self, result, ticket: int | None = None, query: str | None = None) -> None:
        view, history = result
        if not self.in_view.show(view, history, query=query, ticket=ticket):
            return  # the search moved on while it loaded
        self.results_model.replace_where(lambda row: row.member_number == view.member_number, view)
        self.sig_member_shown.emit(view)

    def on_member_in_view(self, view) -> None:
        """The page, the title and the actions follow the member in view."""
        if view is None:
            self.member_page.clear()
            self.setWindowTitle(self.tr("Harmony Desk"))
        else:
            self.member_page.show_member(view, self.in_view.history)
            self.setWindowTitle(self.tr("Harmony Desk — %1 %2").replace("%1", view.member_number).replace(
                "%2", fmt.full_name(view)))
        self.update_actions()

    def on_member_failed(self, exc: BaseException, ticket: int | None = None) -> None:
        if ticket is None or self.in_view.is_current(ticket):
            self.in_view.clear()
            self.lookup_status.show_message(messages.describe(exc))

    def clear_member(self) -> None:
        self.in_view.clear()
        self.results_model.set_rows(())
        self.lookup_input.clear()
        self.lookup_status.clear_message()
        self._shown_query = None

    # -- dialogs --------------------------------------------------------------
    def open_dialog(self, dialog, on_done=None):
        """Window-modal, not blocking: the worker keeps delivering results."""
        if self.locked:
            return None
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        key = id(dialog)
        dialog.destroyed.connect(lambda _obj=None: self._forget_dialog(key))
        if on_done is not None:
            dialog.sig_done.connect(on_done)
        dialog.finished.connect(lambda _r: self.focus_lookup())
        dialog.open()
        # Every dialog (the office's lists and reports too) on the screen it opened on.
        screen_fit.cap_dialog(dialog)
        return dialog

    def _forget_dialog(self, key: int) -> None:
        if id(self.dialog) == key:
            self.dialog = None

    def _need_member(self) -> bool:
        return self.member is not None and not self.locked

    def on_enrol(self) -> None:
        from .dialogs.enrol_dialog import EnrolDialog

        self.open_dialog(EnrolDialog(self.session, self), self.on_enrolled)

    def on_enrolled(self, view) -> None:
        # The search names the new member, so page, title and search agree.
        self.lookup_input.setText(view.member_number)
        self.results_model.set_rows((view,))
        self._shown_query = view.member_number
        self.in_view.show(view, (), query=view.member_number)
        self.sig_member_shown.emit(view)
        self.refresh_member()
        # Hand the card over right away.
        QTimer.singleShot(0, self.on_card)

    def on_full_registration(self) -> None:
        if self._need_member():
            from .dialogs.full_registration_dialog import FullRegistrationDialog

            self.open_dialog(FullRegistrationDialog(self.session, self.member, self), self._refreshed)

    def on_card(self) -> None:
        if self._need_member():
            from .dialogs.card_dialog import CardDialog

            self.open_dialog(CardDialog(self.session, self.member, self), self._refreshed)

    def on_premium(self) -> None:
        if self._need_member():
            from .dialogs.premium_dialog import PremiumSelectionDialog

            self.open_dialog(PremiumSelectionDialog(self.session, self.member, self), self._refreshed)

    def on_post_stay(self, claim: bool = False) -> None:
        if self._need_member():
            from .dialogs.stay_dialog import StayDialog

            self.open_dialog(StayDialog(self.session, self.member, self, claim=claim), self._refreshed)

    def on_claim_stay(self) -> None:
        self.on_post_stay(claim=True)

    def on_post_bill(self) -> None:
        if self._need_member():
            from .dialogs.bill_dialog import BillDialog

            number = self.member.member_number
            paid = self.paid_with_points.get(number)
            dialog = self.open_dialog(BillDialog(self.session, self.member, self, paid_with_points=paid),
                                      self._refreshed)
            if dialog is not None and paid is not None:
                # Carried once: the bill that settles it takes it along.
                dialog.sig_done.connect(lambda _r: self.paid_with_points.pop(number, None))

    def say(self, text: str) -> None:
        """Why a key did nothing: inline on the member page, or under the search."""
        if self.member is not None:
            self.member_page.say(text)
        else:
            self.lookup_status.show_message(text)

    def redeem_dead_end(self) -> str | None:
        """Instead of a Redeem dialog where nothing can be chosen: why, with the key that fixes it."""
        from .dialogs.redeem_dialog import offers_for

        offers = offers_for(self.session, self.member)
        if not offers or any(o.available for o in offers):
            return None
        if not any(o.redeemable for o in offers):
            return messages.redeem_needs_full_registration() if self.member.status == "active" else None
        cheapest = min(o.points for o in offers)
        return messages.nothing_to_redeem(fmt.points(self.member.points_balance),
                                          self.tr("%1 points").replace("%1", fmt.points(cheapest)))

    def on_redeem(self) -> None:
        if self._need_member():
            from .dialogs.redeem_dialog import RedeemDialog

            dead_end = self.redeem_dead_end()
            if dead_end:
                self.say(dead_end)
                return

            dialog = self.open_dialog(RedeemDialog(self.session, self.member, self,
                                                   card_scanned=self.card_scanned()), self._refreshed)
            if dialog is not None:
                dialog.sig_pay_by_points.connect(lambda: QTimer.singleShot(0, self.on_pay_by_points))

    def card_scanned(self) -> bool:
        """Was the member in view opened by scanning their card (the identity check)?"""
        return card_service.looks_like_payload(self.in_view.query or "")

    def on_pay_by_points(self) -> None:
        if self._need_member():
            from .dialogs.pay_by_points_dialog import PayByPointsDialog

            number = self.member.member_number
            dialog = self.open_dialog(PayByPointsDialog(self.session, self.member, self,
                                                        card_scanned=self.card_scanned()), self._refreshed)
            if dialog is not None:
                dialog.sig_done.connect(lambda r, d=dialog: self._remember_paid(number, d, r))

    def on_adjust(self) -> None:
        if self._need_member():
            from .dialogs.adjust_dialog import AdjustDialog

            self.open_dialog(AdjustDialog(self.session, self.member, self), self._refreshed)

    def on_change_name(self) -> None:
        if self._need_member():
            from .dialogs.name_change_dialog import NameChangeDialog

            self.open_dialog(NameChangeDialog(self.session, self.member, self), self._refreshed)

    def on_merge(self) -> None:
        if self._need_member():
            from .dialogs.merge_dialog import MergeDialog

            self.open_dialog(MergeDialog(self.session, self.member, self), self._refreshed)

    def on_revoke(self) -> None:
        if self._need_member():
            from .dialogs.withdraw_dialog import WithdrawDialog

            self.open_dialog(WithdrawDialog(self.session, self.member, self, revoke=True), self._refreshed)

    def on_reverse(self) -> None:
        if not self._need_member():
            return
        entry = self.member_page.selected_entry()
        if entry is None:
            # Keyboard way in: the history takes focus, the clerk picks the entry and asks again.
            self.member_page.show_history()
            self.lookup_status.show_message(self.tr("Choose the entry to reverse in the history (Up/Down), "
                                                    "then Office ▸ Reverse… (Ctrl+Shift+V) again."))
            return
        from .dialogs.reverse_dialog import ReverseDialog

        self.lookup_status.clear_message()
        self.open_dialog(ReverseDialog(self.session, self.member, entry, self), self._refreshed)

    def on_withdraw(self) -> None:
        if self._need_member():
            from .dialogs.withdraw_dialog import WithdrawDialog

            self.open_dialog(WithdrawDialog(self.session, self.member, self), self._refreshed)

    def on_unlock_clerk(self) -> None:
        from .dialogs.unlock_clerk_dialog import UnlockClerkDialog

        self.open_dialog(UnlockClerkDialog(self.session, self))

    def on_new_clerk(self) -> None:
        from .dialogs.new_clerk_dialog import NewClerkDialog

        self.open_dialog(NewClerkDialog(self.session, self), self.on_clerk_created)

    def on_clerk_created(self, clerk) -> None:
        """Said where the clerk looks: the account exists and how to sign in with it."""
        self.statusBar().showMessage(self.tr("Clerk account %1 (%2, %3) created: they sign in with it now.").replace(
            "%1", clerk.login).replace("%2", clerk.name).replace("%3", fmt.role_text(clerk.role)), 15000)

    def on_backup(self) -> None:
        from .dialogs.backup_dialog import BackupDialog

        self.open_dialog(BackupDialog(self.session, self))

    def on_restore(self) -> None:
        from .dialogs.restore_dialog import RestoreDialog

        dialog = self.open_dialog(RestoreDialog(self.session, self))
        if dialog is not None:
            dialog.finished.connect(lambda _r: self._after_restore(dialog))

    def _after_restore(self, dialog) -> None:
        # The clerk accounts are now the backup's: everyone signs in again.
        # Once only (signing out closes the dialog again), after it has closed.
        if dialog.outcome is None or getattr(dialog, "signed_out", False):
            return
        dialog.signed_out = True
        QTimer.singleShot(0, self.sign_out)

    def on_reset_password(self) -> None:
        from .dialogs.reset_password_dialog import ResetPasswordDialog

        self.open_dialog(ResetPasswordDialog(self.session, self))

    def on_deactivate_clerk(self) -> None:
        from .dialogs.deactivate_clerk_dialog import DeactivateClerkDialog

        self.open_dialog(DeactivateClerkDialog(self.session, self))

    def on_change_password(self) -> None:
        from .dialogs.change_password_dialog import ChangePasswordDialog

        if self.session.clerk is not None:
            self.open_dialog(ChangePasswordDialog(self.session, self))

    def on_settings(self) -> None:
        from .dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session, self)
        self.open_dialog(dialog, lambda _r: self.on_settings_saved(dialog.new_settings))

    def on_settings_saved(self, settings) -> None:
        self.session.settings = settings
        self.idle.set_minutes(settings.idle_lock_minutes)
        self.apply_role()
        self.business_day.refresh()  # the hotel may have changed

    def on_business_date_changed(self, _day) -> None:
        self.apply_role()  # the status bar shows it

    def _remember_paid(self, number: str, dialog, result) -> None:
        """A Pay by Points just made: the restaurant bill posted next for this
        member carries it under "Paid with points" (with its check number)."""
        yen = getattr(result, "yen_covered", None) or getattr(dialog, "pending", None)
        if yen:
            self.paid_with_points[number] = (int(yen), dialog.folio.text().strip() or None)

    def _refreshed(self, _result=None) -> None:
        self.refresh_member()

    # -- lock and sign-out ----------------------------------------------------
    def lock_screen(self) -> None:
        if self.locked:
            return
        from .dialogs.sign_in_dialog import SignInDialog

        if self.dialog is not None:
            try:
                self.dialog.reject()
            except RuntimeError:  # already closed and deleted
                pass
        self.locked = True
        self.idle.pause()
        self.stack.setCurrentWidget(self.locked_page)
        self.update_actions()
        self.sig_locked.emit(True)
        dialog = SignInDialog(self.session, self, lock_mode=True)
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_done.connect(self.on_unlocked)
        dialog.sig_quit.connect(self.close)
        dialog.open()

    def on_unlocked(self, clerk) -> None:
        changed = self.session.clerk is None or clerk.login != self.session.clerk.login
        if changed:
            self.session = self.session.signed_in(clerk)
            self.clear_member()
        self.locked = False
        self.stack.setCurrentIndex(0)
        self.apply_role()
        self.business_day.refresh()
        self.idle.resume()
        self.sig_locked.emit(False)
        self.focus_lookup()
        if changed:
            self.sig_clerk_changed.emit(clerk)

    def sign_out(self) -> None:
        self.session = self.session.signed_in(None)
        self.clear_member()
        self.apply_role()
        self.sig_signed_out.emit()
        self.lock_screen()

    # -- the screen ------------------------------------------------------------
    def saved_geometry(self):
        from PySide6.QtCore import QRect

        saved = (self.session.settings.window_geometry or {}).get(screen_fit.screen_key(self))
        if isinstance(saved, (list, tuple)) and len(saved) == 4 and all(isinstance(v, int) for v in saved):
            return QRect(*saved)
        return None

    def fit_to_screen(self, room=None) -> None:
        screen_fit.fit_window(self, self.saved_geometry(), room)
        self.fit_results()

    def remember_geometry(self) -> None:
        """This desk's place for the window on this screen, for the next start."""
        from .. import config

        key = screen_fit.screen_key(self)
        if not key or self.isMaximized() or self.isFullScreen():
            return
        g = self.geometry()
        place = [g.x(), g.y(), g.width(), g.height()]
        settings = self.session.settings
        settings.window_geometry = {**(settings.window_geometry or {}), key: place}
        try:
            # Only the window's place changes in the file: what else is there
            # (a language just chosen) is not this window's to overwrite.
            config.save_window_geometry(key, place)
        except OSError:
            pass   # a read-only profile: the window opens at its default place next time

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._fitted_shown:
            # Now the window manager's frame is known: make sure it all fits.
            self._fitted_shown = True
            QTimer.singleShot(0, lambda: screen_fit.fit_window(self, self.geometry()))

    def fit_results(self) -> None:
        """The results pane as tall as its hits (one row at least, at most a third)."""
        view = self.results_view
        rows = max(1, self.results_model.rowCount())
        need = (view.horizontalHeader().sizeHint().height() + rows * view.verticalHeader().defaultSectionSize()
                + 2 * view.frameWidth() + view.horizontalScrollBar().sizeHint().height())
        total = sum(self.splitter.sizes()) or self.splitter.height()
        if total <= 0:
            return
        need = min(need, max(view.minimumHeight(), total // 3))
        self.splitter.setSizes([need, total - need])

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.remember_geometry()
        self.idle.stop()
        self.business_day.stop()
        super().closeEvent(event)
