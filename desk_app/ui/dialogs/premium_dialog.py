"""Premium Selection: the member's chosen hotel. The service decides when it
may be changed and which hotels a tier may choose; the form only asks."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from ...services import registration
from .. import formatting as fmt
from ..base_dialog import FormDialog


class PremiumSelectionDialog(FormDialog):
    def __init__(self, session, member, parent: QWidget | None = None):
        super().__init__(session, parent, ok_text=self.tr("&Choose"))
        self.setObjectName("premiumSelectionDialog")
        self.member = member
        self.add_member_header(member)
        self.setWindowTitle(self.tr("Premium Selection — %1").replace(
            "%1", f"{member.member_number} {fmt.full_name(member)}"))
        intro = QLabel(self.tr("The member's Premium Selection hotel. It can be changed once each April-to-March "
                               "year, from April 1 of the year after it was first chosen; some hotels are for "
                               "Loyal and Exclusive members only."))
        intro.setWordWrap(True)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.hotel = QComboBox()
        self.hotel.setObjectName("premiumHotelInput")
        for prop in session.program.properties:
            self.hotel.addItem(f"{prop.name} ({prop.code})", prop.code)
        if member.premium_hotel:
            self.hotel.setCurrentIndex(max(0, self.hotel.findData(member.premium_hotel)))
        current = QLabel(self.tr("Now: %1").replace("%1", member.premium_hotel or self.tr("not chosen")))
        current.setObjectName("premiumCurrentLabel")
        form.addRow(self.tr("&Hotel"), self.hotel)
        form.addRow("", current)
        self.finish_layout(intro, form_widget)
        self.first_field = self.hotel
        self.setMinimumWidth(520)

    def on_confirm(self) -> None:
        self.run(registration.choose_premium_hotel, self.session.db, self.session.desk, self.member.member_number,
                 self.hotel.currentData(), on_done=lambda _v: self.accept())
