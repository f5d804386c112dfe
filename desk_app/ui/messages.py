"""Every refusal's wording for the clerk, in one place.

The services raise a DeskError with a stable code; this module turns the
code into a sentence a clerk understands (translatable). Where the
service's own message carries the useful detail (which field, which limit)
and there is no better general sentence, the service's message is shown.
Anything that is not a refusal becomes a calm general sentence: never a
traceback.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain import errors
from ..domain.errors import DeskError

_CTX = "Messages"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


# code -> sentence. None means: the service's message says it best.
def _sentences() -> dict[str, str | None]:
    return {
        "member_not_found": None,
        "duplicate_email": _t("This e-mail address already belongs to a member. Look the guest up instead "
                              "of enrolling them again."),
        "invalid_email": _t("This does not look like an e-mail address. Check it with the guest."),
        "invalid_name": None,
        "guardian_consent_required": _t("The guest is under 18. Ask for a parent's or guardian's consent "
                                        "and tick the consent box."),
        "full_registration_required": _t("Simple registration only: complete the full registration (address, "
                                         "phone, birth date) before redeeming. Ctrl+R opens it."),
        "member_closed": _t("This membership is closed. It cannot earn or redeem points."),
        "insufficient_points": _t("The member does not have enough points for this."),
        "invalid_amount": None,
        "invalid_dates": None,
        "duplicate_folio": _t("This folio or check number has already been posted at this hotel."),
        "before_enrollment": _t("This date is before the guest joined. Nothing can be credited for it."),
        "claim_too_late": _t("This is more than 6 months ago. A missing stay or bill can only be claimed "
                             "within 6 months of the date of use."),
        "award_not_eligible": _t("This award is not available for this booking. Room upgrades need a "
                                 "booking made through the reservation center or directly with the hotel."),
        "unknown_award": _t("This award is not in the catalogue."),
        "invalid_card": None,  # see _card_sentence
        "same_member": None,
        "unknown_property": _t("This hotel code is not part of the program."),
        "transaction_not_found": _t("No transaction has this number. Choose the entry in the member's history."),
        "already_reversed": _t("This entry has already been reversed. A posting or redemption is reversed only "
                               "once."),
        "not_reversible": None,
        "invalid_birth_date": _t("The birth date is missing or not possible. Full registration needs the guest's "
                                 "birth date (an under-18 guest also needs a guardian's consent)."),
        "previously_revoked": _t("A membership with this e-mail address was revoked. Only a supervisor can "
                                 "register it again, recording the reason."),
        "invalid_phone": _t("This does not look like a telephone number for the country chosen."),
        "invalid_address": None,
        "invalid_reference": _t("The folio or check number may contain only letters, digits, '-', '_', "
                                "'.' and '/' (up to 40)."),
        "invalid_reason": _t("Please write down the reason."),
        "not_permitted": _t("Your role does not allow this. Ask a supervisor."),
        "identity_not_confirmed": _t("Check the member's identity (card or photo ID) first, and tick the box "
                                     "(Alt+I)."),
        "not_initialized": _t("The database is not set up yet."),
        "program_mismatch": None,
        "not_signed_in": _t("The clerk ID or password is wrong."),
        "clerk_locked": _t("This account is locked for 15 minutes after too many wrong passwords. A "
                           "supervisor can unlock it sooner."),
        "invalid_clerk": None,
        "invalid_channel": _t("Choose a booking channel and rate plan from the lists."),
        "premium_selection_locked": _t("The Premium Selection hotel cannot be changed now: it can be changed once "
                                       "each April-to-March year, from April 1 of the year after it was first "
                                       "chosen."),
        "premium_selection_restricted": _t("This hotel can be chosen only by Loyal and Exclusive members."),
        "audit_running": _t("Another night audit is running now. Wait until it has finished."),
        "output_not_writable": _t("The file cannot be written there. Choose another folder or file name."),
        "card_key_missing": _t("This desk has no card-signing key for this database, so it cannot issue or "
                               "check cards. Ask the supervisor to install the key file on this computer."),
        "ledger_tampered": None,
        "ledger_inconsistent": None,
        "invalid_backup": None,
        "not_supported": None,
        "invalid_business_date": None,
        "invalid_exchange_rate": None,
        "points_limit_exceeded": None,
        "database_busy": _t("The database is busy with other desks' work and nothing was changed. Try again in a "
                            "moment."),
        "newer_schema": _t("This database was upgraded by a newer version of Harmony Desk. Install that version "
                           "on this computer; nothing was changed."),
        "no_room_charge": _t("A stay needs its room charge. Post a restaurant or bar bill instead, or choose "
                             "the complimentary rate plan."),
        "invalid_import": _t("Rows of the file break the desk's rules, so nothing was imported. Correct the rows "
                             "listed and import the whole file again."),
    }


def _card_sentence(exc: DeskError) -> str:
    if isinstance(exc, errors.CardReplaced):
        return _t("This card has been replaced by a newer card and no longer works. Ask the guest for "
                  "the current card, or look them up by name.")
    if isinstance(exc, errors.CardForged):
        return _t("This card is not genuine: it was not issued by this program. Do not accept it.")
    if isinstance(exc, errors.CardOfClosedMembership):
        return _t("This card belongs to a membership that is closed.")
    return _t("This card is no longer valid. Ask the guest for the current card.")


# Where the service's own message says it best in English, a desk in another
# language still needs a sentence of its own for the code.
def _in_other_languages() -> dict[str, str]:
    return {
        "member_not_found": _t("No member has this number. Check the digits, or search by name, e-mail or "
                               "phone."),
        "invalid_name": _t("The name is missing, too long, or has characters a name cannot have. Only "
                           "individuals can join."),
        "invalid_amount": _t("An amount or quantity is not possible here. Check the figures."),
        "invalid_dates": _t("A date is not possible here (check-out before check-in, a date in the future, "
                            "or an impossible birth date)."),
        "same_member": _t("The same member cannot be named twice here."),
        "invalid_address": _t("The postal code or address is not complete or not possible. Check it with "
                              "the guest."),
        "program_mismatch": _t("This database runs another loyalty program."),
        "not_reversible": _t("This entry cannot be reversed. Stays and bills can be; a redemption or Pay by "
                             "Points only on its own business date, and never an OMO use. Record an adjustment "
                             "instead."),
        "invalid_clerk": _t("The clerk account details are not complete or not possible."),
        "ledger_tampered": _t("The ledger was changed outside the application: an entry no longer fits its "
                              "hash chain. Tell the supervisor; run desk-admin check-ledger for the details."),
        "ledger_inconsistent": _t("The ledger's figures do not add up. Tell the supervisor; run desk-admin "
                                  "check-ledger for the details."),
        "invalid_backup": _t("This file is not a backup of this database that passes its checks. Nothing "
                             "was changed."),
        "not_supported": _t("This cannot be done here for this kind of database. A PostgreSQL database is "
                            "backed up and restored on its server."),
        "invalid_business_date": _t("The business date moves one day at a time, never back, and not past "
                                    "tomorrow."),
        "invalid_exchange_rate": _t("The exchange rate is too far from this hotel's reference rate. Check the "
                                    "figure on the folio."),
        "points_limit_exceeded": _t("This posting would credit more points than one posting may. Check the "
                                    "amounts; a genuine case is a supervisor's adjustment."),
    }


# -- sentences the desk builds itself, each rule in one wording ------------------
def pay_by_points_units(unit_yen: str, below: str | None = None, above: str | None = None) -> str:
    """Pay by Points takes whole units only (the dialog's line and a refusal alike)."""
    text = _t("Only whole %1 units can be paid with points.").replace("%1", unit_yen)
    if below is not None and above is not None:
        text += " " + _t("%1 or %2, for example.").replace("%1", below).replace("%2", above)
    return text


def kanji_needs_reading() -> str:
    return _t("A name written in kanji needs its reading in kana: without it the member cannot be found by "
              "kana later, and the card has no name in romaji.")


def not_in_role(action: str, role: str) -> str:
    """A key pressed for an action the signed-in role does not have."""
    return _t("%1 is not part of a %2's work at this desk. Ask a clerk or a supervisor.").replace(
        "%1", action).replace("%2", role)


def redeem_needs_full_registration() -> str:
    """The member page, the Redeem key and a refused redemption say it alike."""
    return _sentences()["full_registration_required"]


def nothing_to_redeem(balance: str, cheapest: str) -> str:
    return _t("Nothing can be redeemed yet: the balance is %1 points and the smallest award here needs %2.").replace(
        "%1", balance).replace("%2", cheapest)


def _with_figures(exc: DeskError) -> str | None:
    """A refusal whose service message carries the figures: the sentence with them."""
    import re

    if exc.code == "insufficient_points":
        m = re.search(r"has ([\d,]+) valid points; ([\d,]+) are needed", exc.message)
        if m:
            return _t("The member does not have enough points for this: %1 valid points, %2 needed.").replace(
                "%1", m[1]).replace("%2", m[2])
    if exc.code == "duplicate_folio":
        m = re.search(r"\(([^)]+)\) has already been posted", exc.message)
        if m:
            return _t("%1 has already been posted at this hotel: a folio or check is posted once.").replace(
                "%1", m[1])
    return None


def identity_first() -> str:
    """The identity box not ticked: the dialogs and a refusal say it alike."""
    return _sentences()["identity_not_confirmed"]


def describe(exc: BaseException) -> str:
    """The sentence to show for a failed action."""
    if isinstance(exc, DeskError):
        if exc.code == "invalid_card":
            return _card_sentence(exc)
        with_figures = _with_figures(exc)
        if with_figures:
            return with_figures
        if exc.code == "invalid_amount" and "Pay by Points" in exc.message:
            import re

            from . import formatting as fmt

            unit = re.search(r"([\d,]+)-yen", exc.message)
            return pay_by_points_units(fmt.yen(int(unit[1].replace(",", ""))) if unit else "¥500")
        if isinstance(exc, errors.CurrentPasswordWrong):
            return _t("The current password is wrong.")
        if isinstance(exc, errors.MergeNotAllowed):
            return _t("This program's accounts are never merged: each account's points stand alone.")
        sentence = _sentences().get(exc.code)
        if sentence:
            return sentence
        from .i18n import SOURCE_LANGUAGE, current_language

        if current_language() == SOURCE_LANGUAGE:
            return exc.message
        return _in_other_languages().get(exc.code, _t("This was refused and nothing was changed. Check what "
                                                      "was typed."))
    from ..services.database import is_transient

    if is_transient(exc):  # another desk or a batch held the database: the same words as database_busy
        return _sentences()["database_busy"]
    return _t("Something went wrong and nothing was changed. Try again; if it happens again, "
              "tell the supervisor.")
