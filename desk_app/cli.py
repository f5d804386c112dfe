"""desk-admin: the office and night-audit command line.

A thin caller of the same services as the desk GUI; its reference (names,
flags, JSON fields, exit codes) is docs/desk-admin.md, a contract with the
scripts that drive it: what is there must not change. Exit 0 done, 1
refused by a rule, 2 bad usage, 3 anything else."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from datetime import date
from pathlib import Path

from . import __version__, cli_office, config
from .domain import errors

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
CHANNELS = ("reservation_center", "official_website", "direct", "travel_agency", "ota")
RATE_PLANS = ("standard", "package", "group", "contract", "complimentary")
PAYMENTS = ("cash", "card", "room", "gift_check", "travel_voucher", "jal_coupon")
CARD_REASONS = ("new", "lost", "stolen", "damaged")


class Usage(Exception):
    pass


# -- argument types (malformed input is bad usage: exit 2) -------------------
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
FIRST_YEAR, LAST_YEAR = 1900, 2099            # any date the office types
BUSINESS_YEARS = (2000, 2099)                 # a hotel's business date


def any_date(text: str) -> date:
    """Exactly YYYY-MM-DD (no week dates such as 2026-W22-1, no 20260101)."""
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text[:40]}' is not a date (YYYY-MM-DD)") from None


def iso_date(text: str) -> date:
    day = any_date(text)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date from {FIRST_YEAR} to {LAST_YEAR}")
    return day


def file_path(text: str) -> str:
    """A file name the system can take: not empty, no NUL, no part longer
    than 255 bytes and no more than 4,096 in all (else bad usage, never a
    crash when the file is looked at)."""
    raw = os.fsencode(text) if not _not_text(text) else b""
    if not text or b"\0" in raw or len(raw) > 4096 or any(len(part) > 255 for part in raw.split(b"/")):
        raise argparse.ArgumentTypeError(f"'{text[:40]}' is not a possible file name")
    return text


def integer(text: str) -> int:
    value = text.strip()
    if not value.lstrip("-").isdigit() or len(value) > 12 or not value.isascii():
        raise argparse.ArgumentTypeError(f"'{text[:40]}' is not a whole number")
    return int(value)


def charge(text: str) -> tuple[str, int]:
    cat, sep, amount = text.partition("=")
    if not sep or not cat:
        raise argparse.ArgumentTypeError(f"'{text[:40]}' is not CATEGORY=YEN")
    return cat.strip(), integer(amount)


def decimal_text(text: str) -> str:
    try:
        float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text[:40]}' is not a number") from None
    return text


class Parser(argparse.ArgumentParser):
    def error(self, message):  # exit 2 with the message on stderr, as argparse does
        self.print_usage(sys.stderr)
        raise Usage(f"{self.prog}: error: {message}")


def epilog() -> str:
    """What --help tells beyond the flags: the environment and where the
    database is when nothing names one."""
    from .paths import default_database_path

    desk_database = config.load().database_url or str(default_database_path(create=False))
    return ("environment variables:\n"
            "  DESK_APP_DB             the database URL, as --db (e.g. sqlite:///try.db,\n"
            "                          postgresql://user@host/dbname)\n"
            "  DESK_APP_BUSINESS_DATE  the business date, as --business-date (else the hotel's, in the\n"
            "                          database: desk-admin business-date)\n"
            "  DESK_APP_PROPERTY       the property code, as --property\n"
            "  DESK_APP_CLERK          the clerk who signs in, as --clerk\n"
            "  DESK_APP_PASSWORD       that clerk's password (else asked on a terminal)\n"
            "  DESK_APP_NEW_PASSWORD   a new password (add-clerk, change-password, reset-password)\n"
            "default database (this desk's own, used when neither --db nor DESK_APP_DB names one):\n"
            f"  {desk_database}\n"
            "exit codes: 0 done, 1 refused by a rule (a JSON error with its code), 2 bad usage, 3 anything else\n"
            "reference: docs/desk-admin.md")


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="desk-admin", description="Harmony Desk office and night-audit commands.", epilog=epilog(),
               formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"desk-admin {__version__}")
    p.add_argument("--db", help="SQLAlchemy URL of the database")
    p.add_argument("--business-date", type=any_date, help="the hotel's business date (YYYY-MM-DD)")
    p.add_argument("--property", help="the property code posting")
    p.add_argument("--clerk", metavar="LOGIN", help="sign in as this clerk (else DESK_APP_CLERK); the password "
                   "comes from DESK_APP_PASSWORD or a prompt")
    sub = p.add_subparsers(dest="command", required=True, parser_class=Parser)

    c = sub.add_parser("init", help="create or upgrade the schema")
    c.add_argument("--program", choices=("one_harmony", "omo"))
    c.add_argument("--supervisor", metavar="LOGIN", help="a new database's first supervisor (password from "
                   "DESK_APP_PASSWORD or a prompt); on an existing one, the supervisor signing in")
    c.add_argument("--name", help="the first supervisor's name (default: the login)")
    c.add_argument("--language", choices=("en", "ja"), default="en", help="the first supervisor's language")

    c = sub.add_parser("register", help="simple registration")
    c.add_argument("--family-name", required=True)
    c.add_argument("--given-name", required=True)
    c.add_argument("--email")
    c.add_argument("--no-email-reason", help="supervisor: register without e-mail, with the reason")
    c.add_argument("--birth-date", type=iso_date)
    c.add_argument("--guardian-consent", action="store_true")
    c.add_argument("--family-name-kana")
    c.add_argument("--given-name-kana")
    c.add_argument("--family-name-romaji", help="family name in romaji for the card")
    c.add_argument("--given-name-romaji", help="given name in romaji for the card")
    c.add_argument("--language", choices=("ja", "en"), default="ja")
    c.add_argument("--readmit-reason", help="supervisor: register the e-mail of a revoked member again, with the reason")

    c = sub.add_parser("complete-registration", help="full registration")
    c.add_argument("number")
    c.add_argument("--postal-code", required=True)
    c.add_argument("--address", required=True)
    c.add_argument("--country", required=True)
    c.add_argument("--phone", required=True)
    c.add_argument("--birth-date", type=iso_date)
    c.add_argument("--guardian-consent", action="store_true", default=None)

    sub.add_parser("show", help="one member").add_argument("number")
    sub.add_parser("lookup", help="find members").add_argument("query")

    c = sub.add_parser("post-stay", help="post a stay at checkout, or a missing-stay claim")
    c.add_argument("number")
    c.add_argument("--folio", required=True)
    c.add_argument("--check-in", type=iso_date, required=True)
    c.add_argument("--check-out", type=iso_date, required=True)
    c.add_argument("--channel", choices=CHANNELS, required=True)
    c.add_argument("--rate-plan", choices=RATE_PLANS, default="standard")
    c.add_argument("--charge", type=charge, action="append", default=[], metavar="CATEGORY=YEN")
    c.add_argument("--currency")
    c.add_argument("--exchange-rate", type=decimal_text)
    c.add_argument("--companion", action="append", default=[], metavar="NUMBER")

    c = sub.add_parser("post-bill", help="post a restaurant or bar bill")
    c.add_argument("number")
    c.add_argument("--check", required=True)
    c.add_argument("--date", type=iso_date, required=True)
    c.add_argument("--charge", type=charge, action="append", default=[], metavar="CATEGORY=YEN")
    c.add_argument("--payment", choices=PAYMENTS, default="cash")
    c.add_argument("--currency")
    c.add_argument("--exchange-rate", type=decimal_text)

    c = sub.add_parser("redeem", help="redeem an award")
    c.add_argument("number")
    c.add_argument("award_code")
    c.add_argument("--quantity", type=integer, default=1)
    c.add_argument("--folio")
    c.add_argument("--channel", choices=CHANNELS)

    c = sub.add_parser("pay-by-points", help="settle part of a bill with points")
    c.add_argument("number")
    c.add_argument("--yen", type=integer, required=True)
    c.add_argument("--folio")

    c = sub.add_parser("issue-card", help="render the card, issuing or replacing it")
    c.add_argument("number")
    c.add_argument("--out", required=True, type=file_path)
    c.add_argument("--reason", choices=CARD_REASONS, default="new")

    sub.add_parser("verify-card", help="check a scanned card").add_argument("payload")
    sub.add_parser("evaluate-tiers", help="year-end tier evaluation").add_argument(
        "--year", type=integer, required=True)
    sub.add_parser("expire-points", help="record the expiry of lots past their date")

    c = sub.add_parser("adjust", help="supervisor correction")
    c.add_argument("number")
    c.add_argument("--points", type=integer, required=True)
    c.add_argument("--reason", required=True)

    c = sub.add_parser("merge", help="consolidate DROP into KEEP")
    c.add_argument("keep")
    c.add_argument("drop")

    c = sub.add_parser("withdraw", help="close a membership; all points are cancelled")
    c.add_argument("number")
    c.add_argument("--reason")

    c = sub.add_parser("revoke", help="revoke a membership (disqualified or inactive); all points are cancelled")
    c.add_argument("number")
    c.add_argument("--reason", required=True)

    c = sub.add_parser("reverse", help="reverse a stay or bill posting, or void a redemption on its own day")
    c.add_argument("transaction_id")
    c.add_argument("--reason", required=True)

    sub.add_parser("history", help="the member's ledger, newest first").add_argument("number")
    sub.add_parser("inactive", help="members with no stay and no points for MONTHS").add_argument(
        "--months", type=integer, default=36)

    c = sub.add_parser("demo-data", help="fill the database with fictional members")
    c.add_argument("--members", type=integer, required=True)
    c.add_argument("--seed", type=integer, default=1)

    c = sub.add_parser("import-members", help="bring members over from a CSV file (all rows or none)")
    c.add_argument("file")
    c.add_argument("--dry-run", action="store_true", help="check every row without writing")

    c = sub.add_parser("add-clerk", help="create a clerk account")
    c.add_argument("login")
    c.add_argument("--name", required=True)
    c.add_argument("--role", choices=("cashier", "clerk", "supervisor"), required=True)
    c.add_argument("--language", choices=("en", "ja"), default="en", help="the language the desk speaks to them")

    sub.add_parser("unlock-clerk", help="unlock a clerk after too many wrong passwords").add_argument("login")
    sub.add_parser("change-password", help="change your own password (new one from DESK_APP_NEW_PASSWORD or "
                   "a prompt)")
    sub.add_parser("reset-password", help="supervisor: set a clerk's new password (from DESK_APP_NEW_PASSWORD "
                   "or a prompt)").add_argument("login")
    sub.add_parser("deactivate-clerk", help="supervisor: the clerk can no longer sign in").add_argument("login")
    c = sub.add_parser("premium-selection", help="choose or change the member's Premium Selection hotel")
    c.add_argument("number")
    c.add_argument("--hotel", required=True, help="the property code")

    sub.add_parser("check-ledger", help="recompute the ledger's hash chain and every member's invariants"
                   ).add_argument("--head", help="a chain head noted earlier: the chain must still pass through it")
    sub.add_parser("ledger-head", help="the ledger's chain head, for the office to keep elsewhere")
    sub.add_parser("backup", help="a checked copy of the SQLite database").add_argument("--out", required=True,
                                                                                      type=file_path)
    c = sub.add_parser("restore", help="replace the SQLite database with a checked backup")
    c.add_argument("file", type=file_path)
    c.add_argument("--yes", action="store_true", help="yes, replace the database (it is saved aside first)")
    sub.add_parser("business-date", help="the hotel's business date")
    sub.add_parser("roll-business-date", help="the night audit: move the hotel's business date to the next day, "
                   "write off expired points and, at the turn of the year, evaluate the tiers").add_argument(
        "--to", type=iso_date, help="the date it must move to (a guard against rolling twice)")
    sub.add_parser("card-keys", help="the ids of the card-signing keys this desk knows")
    sub.add_parser("rotate-card-key", help="a new key signs new cards; older cards keep working")
    sub.add_parser("retire-card-key", help="cards signed by this older key stop working").add_argument("key_id")
    sub.add_parser("postcode", help="prefecture, city and town of a Japanese postal code").add_argument("code")
    cli_office.add_commands(sub, iso_date, integer, file_path)
    p.command_names = frozenset(sub.choices)
    return p


# -- JSON shapes ------------------------------------------------------------
def _d(day: date | None) -> str | None:
    return day.isoformat() if day else None


def member_json(v) -> dict:
    return {
        "member_number": v.member_number, "family_name": v.family_name, "given_name": v.given_name,
        "family_name_kana": v.family_kana, "given_name_kana": v.given_kana,
        "family_name_romaji": v.family_roman, "given_name_romaji": v.given_roman,
        "email": v.email, "phone": v.phone, "postal_code": v.postal_code, "address": v.address,
        "country": v.country, "birth_date": _d(v.birth_date),
        "registration": v.registration, "status": v.status, "enrolled_on": _d(v.enrolled_on),
        "tier": v.tier, "tier_valid_until": _d(v.tier_valid_until), "points_balance": v.points_balance,
        "lots": [{"points": l.points, "earned_on": _d(l.earned_on), "expires_on": _d(l.expires_on)} for l in v.lots],
        "year": {"year": v.year, "qualifying_points": v.year_points, "nights": v.year_nights,
                 "carry_over_points": v.carry_points, "carry_over_nights": v.carry_nights},
        "card": {"sequence": v.card.sequence, "status": v.card.status} if v.card else None,
        "premium_hotel": v.premium_hotel, "preferred_language": v.preferred_language,
        "birthday_month": v.birthday_month, "merged_into": v.merged_into,
    }


def posting_json(r) -> dict:
    return {"transaction_id": r.transaction_id, "points": r.points, "bonus_points": r.bonus_points,
            "nights": r.nights, "companions": [{"member_number": c.member_number, "nights": c.nights}
                                               for c in r.companions],
            "balance_after": r.balance_after}


def _charges(pairs, categories, command: str) -> dict[str, int]:
    """Lines of one category add up; the service validates the amounts. A
    category the program does not have is bad usage (exit 2), like an
    unknown flag: the contract's list of categories is fixed input."""
    out: dict[str, int] = {}
    for cat, amount in pairs:
        if cat not in categories:
            raise Usage(f"desk-admin {command}: error: argument --charge: unknown charge category "
                        f"'{cat[:40]}' (choose from {', '.join(categories)})")
        out[cat] = out.get(cat, 0) + amount
    return out


# -- commands ---------------------------------------------------------------
def clerk_json(v) -> dict:
    return {"login": v.login, "name": v.name, "role": v.role, "active": v.active, "locked": v.locked,
            "locked_until": v.locked_until.isoformat(timespec="seconds") + "Z" if v.locked_until else None,
            "language": v.language}


def init(db, args) -> dict:
    """A new database gets its first supervisor; an existing one (an
    upgrade) needs a supervisor's sign-in. Checked before anything changes."""
    from . import admin_signin
    from .services import clerks

    if not admin_signin.has_clerks(db):
        if not args.supervisor:
            raise errors.NotSignedIn("A new database needs its first supervisor: desk-admin init --supervisor "
                                     "LOGIN, with the password in DESK_APP_PASSWORD or at the prompt.")
        name = args.name or args.supervisor
        password = admin_signin.first_password(args.supervisor)
        clerks.validate_new_clerk(args.supervisor, name, "supervisor", password)
        program, version = db.initialize(args.program, args.business_date)
        clerks.create(db, None, args.supervisor, name, "supervisor", password, args.language)
    else:
        admin_signin.sign_in_to_upgrade(db, admin_signin.login_from(args.supervisor or args.clerk))
        program, version = db.initialize(args.program)
    return {"program": program.code, "schema_version": version}


class _LazyService:
    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr: str):
        import importlib

        return getattr(importlib.import_module(f"desk_app.services.{self._name}"), attr)


BATCH_COMMANDS = ("expire-points", "evaluate-tiers", "roll-business-date")


def check_business_date(command: str, day: date | None) -> None:
    """A business date named on the command line (or DESK_APP_BUSINESS_DATE)
    lies in 2000-2099, and no batch runs for a day after today's calendar
    date (a typo of 2062 for 2026 would expire every point for good)."""
    if day is None:
        return
    if not BUSINESS_YEARS[0] <= day.year <= BUSINESS_YEARS[1]:
        raise errors.InvalidBusinessDate(
            f"A business date lies between {BUSINESS_YEARS[0]}-01-01 and {BUSINESS_YEARS[1]}-12-31, not on "
            f"{day.isoformat()}.")
    today = _LazyService("business_date").today()
    if command in BATCH_COMMANDS and day > today:
        raise errors.InvalidBusinessDate(
            f"No batch runs for a business date after today's calendar date ({today.isoformat()}"
            f"): {day.isoformat()} was given.")


def _services(*names: str):
    return tuple(_LazyService(n) for n in names)


def run(args, settings: config.Settings) -> dict:
    # Each service module is imported when the command first uses it: a
    # short command does not pay for all of them at start-up.
    business_date, registration = _services("business_date", "registration")
    from . import admin_signin
    from .services.database import Database, retrying

    if args.command == "postcode":  # needs no database and no sign-in
        found = registration.address_for_postcode(args.code)
        if found is None:
            raise errors.InvalidAddress(f"No Japanese postal code {args.code[:20]} exists.")
        return {"postal_code": found.postal_code, "prefecture": found.prefecture, "city": found.city,
                "town": found.town, "towns": list(found.towns), "office": found.office, "note": found.note}
    db = Database(args.db or settings.effective_database_url)
    try:
        if db.is_initialized():
            db.refuse_newer_schema()
        if args.command == "init":
            return init(db, args)
        if not db.is_initialized():
            db.ensure_ready()  # refuses not_initialized
        signed = admin_signin.sign_in(db, admin_signin.login_from(args.clerk),
                                      before_upgrade=not admin_signin.schema_is_current(db))
        db.ensure_ready()
        program = db.program
        # An empty --property "" is a property code nobody has, not the default.
        prop = (args.property if args.property is not None
                else settings.property_code or program.properties[0].code)
        program.property(prop)
        check_business_date(args.command, args.business_date)
        desk = admin_signin.desk_for(signed, args.business_date or business_date.current(db, prop), prop)
        args.signed_desk = desk  # a refusal is counted under this desk (cli_office.count_refusal)
        # A deadlock, serialization failure or "database is locked" rolled
        # the command's transaction back: it runs again (bounded), never exit 3.
        return retrying(lambda: dispatch(args, settings, db, desk, signed, prop))
    finally:
        db.dispose()


def _stderr_progress(what: str):
    def report(done: int, total: int) -> None:
        sys.stderr.write(f"\r{what}: {done:,} of {total:,} rows" + ("\n" if done >= total else ""))
        sys.stderr.flush()
    return report


def dispatch(args, settings, db, desk, signed, prop) -> dict:
    """One command's work, signed in: each service call is whole
    transactions, so the command can run again after a transient conflict."""
    (audit, backups, batch, business_date, cards, clerks, demo, lookup, office, posting, redemption, registration,
     reversal) = _services("audit", "backups", "batch", "business_date", "cards", "clerks", "demo", "lookup", "office",
                           "posting", "redemption", "registration", "reversal")
    from . import admin_signin

    cmd = args.command
    if cmd != "restore":
        backups.daily(db)
    if cmd in cli_office.COMMANDS:
        return cli_office.run(args, db, desk, Usage, member_json)
    if cmd == "register":
        return member_json(registration.register(db, desk, registration.Enrolment(
            args.family_name, args.given_name, args.email, args.family_name_kana, args.given_name_kana,
            birth_date=args.birth_date, guardian_consent=args.guardian_consent,
            no_email_reason=args.no_email_reason, preferred_language=args.language,
            family_roman=args.family_name_romaji, given_roman=args.given_name_romaji,
            readmit_reason=args.readmit_reason)))
    if cmd == "complete-registration":
        return member_json(registration.complete_registration(
            db, desk, args.number, postal_code=args.postal_code, address=args.address, country=args.country,
            phone=args.phone, birth_date=args.birth_date, guardian_consent=args.guardian_consent))
    if cmd == "show":
        return member_json(lookup.show(db, desk, args.number))
    if cmd == "lookup":
        return {"results": [member_json(v) for v in lookup.lookup(db, desk, args.query)]}
    if cmd == "post-stay":
        return posting_json(posting.post_stay(db, desk, args.number, posting.StayFolio(
            folio=args.folio, check_in=args.check_in, check_out=args.check_out, channel=args.channel,
            rate_plan=args.rate_plan, charges=_charges(args.charge, db.program.categories, cmd),
            currency=args.currency,
            exchange_rate=args.exchange_rate, companions=tuple(args.companion))))
    if cmd == "post-bill":
        return posting_json(posting.post_bill(db, desk, args.number, posting.Bill(
            check=args.check, date=args.date, charges=_charges(args.charge, db.program.categories, cmd),
            payment=args.payment,
            currency=args.currency, exchange_rate=args.exchange_rate)))
    if cmd == "redeem":
        r = redemption.redeem(db, desk, args.number, args.award_code, args.quantity, folio=args.folio,
                              channel=args.channel)
        return {"transaction_id": r.transaction_id, "award": r.award, "quantity": r.quantity,
                "points_spent": r.points_spent, "balance_after": r.balance_after,
                "voucher_number": r.voucher_number}
    if cmd == "pay-by-points":
        r = redemption.pay_by_points(db, desk, args.number, args.yen, folio=args.folio)
        return {"transaction_id": r.transaction_id, "points_spent": r.points_spent,
                "yen_covered": r.yen_covered, "balance_after": r.balance_after,
                "voucher_number": r.voucher_number}
    if cmd == "issue-card":
        from .cards.render import save_card

        out = Path(args.out)
        if out.suffix.lower() not in (".png", ".pdf"):
            raise Usage("desk-admin issue-card: error: --out must end in .png or .pdf")
        written: list[Path] = []

        def write_card(face) -> None:  # before the commit: an unwritable --out changes nothing
            try:
                written.append(save_card(face, out))
            except (OSError, ValueError) as exc:
                raise errors.OutputNotWritable(
                    f"The card cannot be written to {str(out)[:200]} ({type(exc).__name__}).") from None

        try:
            face = cards.issue(db, desk, args.number, args.reason, name_order=settings.name_order,
                               deliver=write_card)
        except BaseException:
            for path in written:  # the commit failed after the file was written
                path.unlink(missing_ok=True)
            raise
        return {"sequence": face.sequence, "qr_payload": face.qr_payload, "path": str(written[0])}
    if cmd == "verify-card":
        number, sequence = cards.verify(db, desk, args.payload)
        return {"member_number": number, "sequence": sequence, "valid": True}
    if cmd == "evaluate-tiers":
        r = batch.evaluate_tiers(db, desk, args.year)
        return {"year": r.year, "evaluated": r.evaluated, "loyal": r.loyal, "exclusive": r.exclusive}
    if cmd == "expire-points":
        r = batch.expire_points(db, desk)
        return {"expired_points": r.expired_points, "members": r.members}
    if cmd == "adjust":
        r = office.adjust(db, desk, args.number, args.points, args.reason)
        return {"transaction_id": r.transaction_id, "balance_after": r.balance_after}
    if cmd == "merge":
        return member_json(office.merge(db, desk, args.keep, args.drop))
    if cmd == "withdraw":
        return member_json(office.withdraw(db, desk, args.number, args.reason))
    if cmd == "revoke":
        return member_json(office.revoke(db, desk, args.number, args.reason))
    if cmd == "reverse":
        r = reversal.reverse(db, desk, args.transaction_id, args.reason)
        return {"transaction_id": r.transaction_id, "reverses": r.reverses, "member_number": r.member_number,
                "points": r.points, "nights": r.nights, "balance_after": r.balance_after,
                "kind": r.original_kind, "reference": r.reference,
                "companions": [{"member_number": c.member_number, "nights": c.nights} for c in r.companions],
                "tiers_cancelled": [{"member_number": t.member_number, "tier": t.tier,
                                     "valid_from": _d(t.valid_from), "valid_until": _d(t.valid_until),
                                     "cancelled_on": _d(t.cancelled_on)} for t in r.cancelled_tiers]}
    if cmd == "history":
        return {"entries": [
            {"transaction_id": e.transaction_id, "date": _d(e.date), "kind": e.kind, "points": e.points,
             "nights": e.nights, "property": e.property, "reference": e.reference, "clerk": e.clerk,
             "terminal": e.terminal, "reason": e.reason, "award": e.award, "member_number": e.member_number,
             "reverses": e.reverses, "reversed_by": e.reversed_by, "approved_by": e.approved_by}
            for e in lookup.history(db, desk, args.number)]}
    if cmd == "inactive":
        return {"results": [member_json(v) for v in batch.inactive(db, desk, args.months)]}
    if cmd == "demo-data":
        return {"members": demo.generate(db, desk, args.members, args.seed)}
    if cmd == "import-members":
        from .services import importing

        r = importing.import_members(db, desk, args.file, dry_run=args.dry_run,
                                     progress=_stderr_progress("import-members") if sys.stderr.isatty() else None)
        return {"imported": r.imported, "lots": r.lots, "credits": r.credits,
                **({"dry_run": True} if r.dry_run else {})}
    if cmd == "add-clerk":
        desk.require("manage_clerks")  # before the prompt: a cashier is not asked for a password
        return clerk_json(clerks.create(db, desk, args.login, args.name, args.role,
                                        admin_signin.new_password(f"Password for {args.login}: "),
                                        args.language))
    if cmd == "unlock-clerk":
        return clerk_json(clerks.unlock(db, desk, args.login))
    if cmd == "change-password":
        return clerk_json(clerks.change_password(db, desk, signed.password, admin_signin.new_password()))
    if cmd == "reset-password":
        desk.require("manage_clerks")
        return clerk_json(clerks.reset_password(db, desk, args.login,
                                                admin_signin.new_password(f"New password for {args.login}: ")))
    if cmd == "deactivate-clerk":
        return clerk_json(clerks.deactivate(db, desk, args.login))
    if cmd == "premium-selection":
        return member_json(registration.choose_premium_hotel(db, desk, args.number, args.hotel))
    if cmd == "check-ledger":
        r = audit.check_ledger(db, desk, args.head)
        return {"ok": True, "entries": r.entries, "head": r.head}
    if cmd == "ledger-head":
        r = audit.ledger_head(db, desk)
        return {"entries": r.entries, "head": r.head}
    if cmd == "backup":
        r = backups.backup(db, desk, args.out)
        return {"path": str(r.path), "entries": r.entries, "head": r.head}
    if cmd == "restore":
        if not args.yes:
            raise Usage("desk-admin restore: error: restoring replaces the database: add --yes")
        r = backups.restore(db, desk, args.file)
        return {"restored": str(r.restored), "saved_previous_as": str(r.saved_previous_as),
                "entries": r.entries, "head": r.head}
    if cmd == "business-date":
        return {"property": prop, "business_date": _d(business_date.current(db, prop))}
    if cmd == "roll-business-date":  # the night audit (cli_office.night_audit)
        return cli_office.night_audit(args, db, desk)
    if cmd in ("card-keys", "rotate-card-key", "retire-card-key"):
        ring = (cards.key_ring(db, desk) if cmd == "card-keys" else cards.rotate_key(db, desk)
                if cmd == "rotate-card-key" else cards.retire_key(db, desk, args.key_id))
        return {"current": ring.current, "keys": list(ring.keys), "hd1_cards_accepted": ring.legacy,
                "source": ring.source}
    raise Usage(f"unknown command {cmd}")


def _emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _log_internal_error(argv: list[str]) -> None:
    """The traceback for support, with the command and its option names but
    no value given on the command line (names, e-mail, birth dates...), and
    no environment password: the log file is scrubbed of all of them."""
    import logging

    from . import admin_signin
    from .logs import register_sensitive, setup_logging

    commands = build_parser().command_names
    command = next((a for a in argv if a in commands), "?")
    register_sensitive(*(a for a in argv if not a.startswith("-") and a != command),
                       *(os.environ.get(v, "") for v in (admin_signin.PASSWORD_ENV, admin_signin.NEW_PASSWORD_ENV)))
    setup_logging("desk-admin")
    options = sorted({a.split("=", 1)[0] for a in argv if a.startswith("--")})
    logging.getLogger("desk-admin").exception("internal error in %s %s", command, " ".join(options))


def _not_text(value: str) -> bool:
    """Bytes that were not UTF-8 reach Python as lone surrogates
    (surrogateescape); such a value cannot be stored, shown or hashed."""
    return any("\ud800" <= ch <= "\udfff" for ch in value)


def check_text(argv: list[str]) -> None:
    for value in argv:
        if _not_text(value):
            raise Usage("desk-admin: error: an argument is not valid UTF-8 text")
    for var, value in os.environ.items():
        if var.startswith("DESK_APP_") and _not_text(value):
            raise Usage(f"desk-admin: error: {var} is not valid UTF-8 text")


def _emit_done(obj: dict) -> None:
    """The change is committed: whatever happens to stdout now (closed,
    a broken pipe, a full disk), the exit status stays 0."""
    try:
        _emit(obj)
    except (OSError, ValueError, AttributeError):
        _quietly(lambda: print("desk-admin: done, but the result could not be written to stdout",
                               file=sys.stderr))
        _silence_stdout()


def _silence_stdout() -> None:
    """Python flushes stdout once more on exit and, if that fails, exits
    120: point the descriptor at the null device so the status stays ours."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    args = settings = None
    try:
        check_text(sys.argv[1:] if argv is None else list(argv))
        args = build_parser().parse_args(argv)
        if args.business_date is None:
            # Neither the option nor the variable: the hotel's business date in the database.
            env = os.environ.get("DESK_APP_BUSINESS_DATE")
            try:
                args.business_date = any_date(env) if env else None
            except argparse.ArgumentTypeError as exc:
                raise Usage(f"desk-admin: error: DESK_APP_BUSINESS_DATE: {exc}") from None
        settings = config.load()
        result = run(args, settings)
    except Usage as exc:
        _quietly(lambda: print(str(exc), file=sys.stderr))
        return EXIT_USAGE
    except errors.DeskError as exc:
        _quietly(lambda: _emit({"error": {"code": exc.code, "message": exc.message,
                                          **(getattr(exc, "details", None) or {})}}))
        cli_office.count_refusal(args, settings, exc)
        return EXIT_REFUSED
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    except Exception as exc:  # nothing half-written: every service is one transaction
        _log_internal_error(sys.argv[1:] if argv is None else argv)
        message = f"{type(exc).__name__}: {str(exc)[:500]}"
        _quietly(lambda: _emit({"error": {"code": "internal", "message": message}}))
        return EXIT_INTERNAL
    _emit_done(result)
    return EXIT_OK


def _quietly(write) -> None:
    try:
        write()
    except (OSError, ValueError, AttributeError):  # stdout or stderr closed
        _silence_stdout()


if __name__ == "__main__":
    sys.exit(main())
