"""The member page: who the guest is, what they hold, where they stand."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QProgressBar,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from ..domain.program import Program
from . import formatting as fmt, messages
from .models import ExpiryModel, HistoryModel, expiry_timeline
from .widgets import TIER_COLOURS, Badge, NoticeLabel, make_table
from .i18n import program_text


def _table(model, name: str) -> QTableView:
    view = make_table(model, name)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus stays on the search field
    return view


class _Box(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("infoBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(12)
        heading = QLabel(title)
        heading.setStyleSheet("font-weight: 600; color: #4a5568;")
        self.grid.addWidget(heading, 0, 0, 1, 2)
        self.rows = 1

    def add(self, caption: str, widget: QWidget) -> QWidget:
        label = QLabel(caption)
        label.setStyleSheet("color: #4a5568;")
        self.grid.addWidget(label, self.rows, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(widget, self.rows, 1)
        self.rows += 1
        return widget

    def finish(self) -> None:
        self.grid.setRowStretch(self.rows, 1)
        self.grid.setColumnStretch(1, 1)


def _value(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class MemberPage(QWidget):
    sig_entry_selected = Signal(object)   # the HistoryEntry chosen in the history, or None

    def __init__(self, program: Program, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("memberPage")
        self.program = program
        self.view = None
        # A role that may not keep contact data (a cashier) sees it masked, as in the results list.
        self.mask_contact = False

        # Cleared whenever the search stops naming a member: say so plainly,
        # so no one takes the last guest's page for the one at the desk.
        self.empty = QLabel(
            "<p style='font-size: 15pt; font-weight: 600; color: #4a5568;'>%s</p><p>%s</p>" % (
                escape(self.tr("No member selected")),
                escape(self.tr("Scan a card or type a member number, e-mail, phone or name above.\n"
                               "Press F2 to return to the search field at any time.")).replace("\n", "<br>")))
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setObjectName("noMemberLabel")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #718096;")
        self.empty.setWordWrap(True)

        # Header: name, kana, number, badges.
        self.name = _value("memberNameLabel")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.name.setFont(big)
        self.kana = _value("memberKanaLabel")
        self.kana.setStyleSheet("color: #4a5568;")
        self.number = _value("memberNumberLabel")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.2)
        self.number.setFont(mono)
        self.tier = Badge()
        self.tier.setObjectName("tierLabel")
        self.birthday = Badge()
        self.birthday.setObjectName("birthdayBadge")
        self.birthday.set_colours("#c2185b", "#ffffff")
        self.birthday.setText(self.tr("Birthday month"))
        self.status_badge = Badge()
        self.status_badge.setObjectName("statusBadge")
        self.status_badge.set_colours("#6b7280", "#ffffff")

        header = QGridLayout()
        header.addWidget(self.name, 0, 0)
        badges = QHBoxLayout()
        badges.addWidget(self.tier)
        badges.addWidget(self.birthday)
        badges.addWidget(self.status_badge)
        badges.addStretch(1)
        header.addLayout(badges, 0, 1, Qt.AlignmentFlag.AlignRight)
        header.addWidget(self.kana, 1, 0)
        header.addWidget(self.number, 2, 0)
        self.tier_valid = _value("tierValidityLabel")
        self.tier_valid.setWordWrap(False)
        header.addWidget(self.tier_valid, 1, 1, Qt.AlignmentFlag.AlignRight)
        header.setColumnStretch(0, 1)

        self.notice = NoticeLabel(kind="warning")
        self.notice.setObjectName("registrationNotice")
        # What a key pressed on this page could not do, and the key that fixes it.
        self.action_notice = NoticeLabel(kind="warning")
        self.action_notice.setObjectName("actionNotice")
        self.action_notice.hide()
        self._notice_style = self.notice.styleSheet()
        self.said = ""

        # Points.
        points_box = _Box(self.tr("Points"))
        self.balance = _value("pointsBalanceLabel")
        bal_font = QFont(self.font())
        bal_font.setPointSizeF(bal_font.pointSizeF() * 1.8)
        bal_font.setBold(True)
        self.balance.setFont(bal_font)
        points_box.grid.addWidget(self.balance, 1, 0, 1, 2)
        points_box.rows = 2
        self.next_expiry = points_box.add(self.tr("Next to expire"), _value("nextExpiryLabel"))
        points_box.finish()

        # This year.
        year_box = _Box(self.tr("This year"))
        self.year_title = year_box.grid.itemAtPosition(0, 0).widget()
        self.year_points = year_box.add(self.tr("Qualifying points"), _value("yearPointsLabel"))
        self.year_nights = year_box.add(self.tr("Nights"), _value("yearNightsLabel"))
        self.progress = QProgressBar()
        self.progress.setObjectName("tierProgress")
        self.progress.setRange(0, 100)
        self.progress.setMinimumWidth(160)
        # One text colour over the bar and the rest (not half white, half black).
        self.progress.setStyleSheet(
            "QProgressBar { border: 1px solid #a9c8ea; border-radius: 3px; background: #ffffff; color: #1c2b4a;"
            " text-align: center; } QProgressBar::chunk { background: #b9d6f2; }")
        self.progress_caption = QLabel()
        self.progress_caption.setObjectName("tierProgressCaption")
        self.progress_caption.setWordWrap(True)
        self.progress_caption.setStyleSheet("color: #4a5568;")
        year_box.grid.addWidget(self.progress, year_box.rows, 0, 1, 2)
        year_box.grid.addWidget(self.progress_caption, year_box.rows + 1, 0, 1, 2)
        year_box.rows += 2
        year_box.finish()

        # Membership.
        member_box = _Box(self.tr("Membership"))
        self.registration = member_box.add(self.tr("Registration"), _value("registrationLabel"))
        self.enrolled = member_box.add(self.tr("Enrolled"), _value("enrolledLabel"))
        self.premium = member_box.add(self.tr("Premium Selection"), _value("premiumLabel"))
        self.card = member_box.add(self.tr("Card"), _value("cardLabel"))
        self.contact = member_box.add(self.tr("Contact"), _value("contactLabel"))
        member_box.finish()

        boxes = QHBoxLayout()
        for box in (points_box, year_box, member_box):
            boxes.addWidget(box, 1)

        self.history_model = HistoryModel(self)
        self.history_model.award_name = self.award_name
        self.expiry_model = ExpiryModel(self)
        self.tabs = QTabWidget()
        # The history takes focus and a selection: an entry is chosen there to be reversed.
        # "What" takes the room; Reference and Clerk as wide as what they say.
        self.history_view = make_table(self.history_model, "historyView", stretch_column=1)
        self.history_view.setToolTip(self.tr("Choose an entry, then Office ▸ Reverse… (Ctrl+Shift+V)"))
        self.history_view.selectionModel().currentRowChanged.connect(
            lambda *_a: self.sig_entry_selected.emit(self.selected_entry()))
        self.history_model.modelReset.connect(lambda: self.sig_entry_selected.emit(None))
        self.tabs.addTab(self.history_view, self.tr("Recent history"))
        self.tabs.addTab(_table(self.expiry_model, "expiryView"), self.tr("Points expiry timeline"))
        self.tabs.currentChanged.connect(lambda _i: self.sig_entry_selected.emit(self.selected_entry()))
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.content = QWidget()
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(header)
        inner.addWidget(self.notice)
        inner.addWidget(self.action_notice)
        inner.addLayout(boxes)
        inner.addWidget(self.tabs, 1)

        outer = QVBoxLayout(self)
        outer.addWidget(self.empty, 1)
        outer.addWidget(self.content, 1)
        self.clear()

    def show_history(self) -> None:
        """Bring the history forward with the focus in it, its newest entry current."""
        self.tabs.setCurrentWidget(self.history_view)
        if self.history_model.rowCount() and self.history_view.currentIndex().row() < 0:
            self.history_view.selectRow(0)
        self.history_view.setFocus()

    def selected_entry(self):
        if self.view is None or self.tabs.currentWidget() is not self.history_view:
            return None
        row = self.history_view.currentIndex().row()
        return self.history_model.row(row) if 0 <= row < self.history_model.rowCount() else None

    # -- showing ------------------------------------------------------------
    def say(self, text: str) -> None:
        """Inline, on the page: why the key just pressed did nothing. Goes
        with the next member shown (or this one refreshed). Said once: when
        the page's notice already says it, that notice is marked instead."""
        already = bool(text) and text in self.notice.text().split("\n") and self.notice.isVisibleTo(self)
        self.notice.setProperty("emphasised", already)
        self.notice.setStyleSheet(self._notice_style + (" QLabel { border: 2px solid #c62828; }" if already else ""))
        self.action_notice.setText("" if already else text)
        self.action_notice.setVisible(bool(text) and not already)
        self.said = text

    def message(self) -> str:
        """What the page says about the key just pressed ("" when nothing)."""
        return self.said

    def clear(self) -> None:
        self.say("")
        self.view = None
        self.content.hide()
        self.empty.show()
        self.history_model.set_rows(())
        self.expiry_model.set_rows(())

    def show_member(self, view, history=()) -> None:
        self.say("")
        self.view = view
        self.empty.hide()
        self.content.show()
        self.name.setText(fmt.full_name(view))
        self.kana.setText("  ·  ".join(p for p in (fmt.kana_name(view), fmt.roman_name(view)) if p))
        self.kana.setVisible(bool(self.kana.text()))
        self.number.setText(view.member_number)
        bg, fg = TIER_COLOURS.get(view.tier, TIER_COLOURS["basic"])
        self.tier.set_colours(bg, fg)
        tier_name = program_text(view.tier_name)
        self.tier.setText(tier_name)
        self.tier_valid.setText(self.tr("%1 until %2").replace("%1", tier_name).replace(
            "%2", fmt.day(view.tier_valid_until)) if view.tier_valid_until else "")
        self.birthday.setVisible(view.birthday_month)
        closed = view.status != "active"
        self.status_badge.setVisible(closed)
        self.status_badge.setText(fmt.status_text(view.status))

        self.balance.setText(self.tr("%1 points").replace("%1", fmt.points(view.points_balance)))
        # Everything that expires on the first expiry date, not only its first lot.
        first = expiry_timeline(view.lots)[:1]
        self.next_expiry.setText(
            self.tr("Expires on %1: %2 points").replace("%1", fmt.day(first[0].expires_on)).replace(
                "%2", fmt.points(first[0].points)) if first else self.tr("Nothing to expire"))
        self.next_expiry.setToolTip(self.tr("Points can still be used on that day.") if first else "")

        self.year_title.setText(self.tr("This year (%1)").replace("%1", str(view.year)))
        self.year_points.setText(fmt.points(view.year_points))
        self.year_nights.setText(str(view.year_nights))
        if view.next_tier:
            level = self.program.tiers.level(view.next_tier)
            held = self.program.tiers.level(view.tier)
            self.progress.setValue(round(view.next_tier_progress * 100))
            if held.rank >= level.rank:
                # The member already holds it: this year's figures keep it for the next year.
                self.progress.setFormat(self.tr("%p% to keep %1 for %2").replace(
                    "%1", program_text(level.name)).replace("%2", str(view.year + 1)))
            else:
                self.progress.setFormat(self.tr("%p% to %1").replace("%1", program_text(level.name)))
            parts = []
            if level.min_points:
                parts.append(self.tr("%1 points").replace("%1", fmt.points(level.min_points)))
            if level.min_nights:
                parts.append(self.tr("%1 nights").replace("%1", str(level.min_nights)))
            self.progress_caption.setText(self.tr("%1 needs %2").replace("%1", program_text(level.name)).replace(
                "%2", self.tr(" or ").join(parts)))
        else:
            self.progress.setValue(100)
            self.progress.setFormat(self.tr("Top tier reached"))
            self.progress_caption.setText("")
        self.progress.setVisible(bool(self.program.tiers.levels[1:]))

        self.registration.setText(fmt.registration_text(view.registration))
        self.enrolled.setText(self.tr("%1 at %2").replace("%1", fmt.day(view.enrolled_on)).replace(
            "%2", view.enrolled_at))
        self.premium.setText(self._hotel(view.premium_hotel) if view.premium_hotel else self.tr("Not chosen"))
        if view.card:
            self.card.setText(self.tr("Card %1, issued %2 (%3)").replace("%1", str(view.card.sequence)).replace(
                "%2", fmt.day(view.card.issued_on)).replace("%3", self._card_state(view.card)))
        else:
            self.card.setText(self.tr("No card yet"))
        if self.mask_contact:
            address = self.tr("Address on file (not shown to your role)") if view.address else ""
            parts = (fmt.mask_email(view.email), fmt.mask_phone(view.phone), address)
        else:
            parts = (view.email, fmt.phone(view.phone), " ".join(x for x in (view.postal_code, view.address) if x))
        self.contact.setText("\n".join(p for p in parts if p))

        notices = []
        if closed:
            notices.append(self.tr("This membership is closed (%1 on %2). It cannot earn or redeem.").replace(
                "%1", fmt.status_text(view.status)).replace("%2", fmt.day(view.closed_on))
                + (" " + self.tr("Merged into %1.").replace("%1", view.merged_into) if view.merged_into else ""))
        elif view.registration != "full":
            notices.append(messages.redeem_needs_full_registration())
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))

        self.history_model.set_rows(history)
        self.expiry_model.set_rows(expiry_timeline(view.lots))

    def award_name(self, code: str) -> str:
        try:
            return program_text(self.program.award(code).name)
        except Exception:
            return code

    def _hotel(self, code: str) -> str:
        try:
            return f"{self.program.property(code).name} ({code})"
        except Exception:
            return code

    def _card_state(self, card) -> str:
        return {"active": self.tr("valid"), "replaced": self.tr("replaced"), "cancelled": self.tr("cancelled")}.get(
            card.status, card.status) + (f", {fmt.card_reason_text(card.reason)}" if card.reason != "new" else "")
