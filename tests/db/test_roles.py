"""The role matrix, service by service: every service function that reads or
changes member data (or clerk accounts) is called by a cashier, a clerk and
a supervisor. Below its role it is refused `not_permitted` and the database
is exactly as before; from its role up it works."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

import pytest
from sqlalchemy import select

from desk_app.db.schema import Base
from desk_app.domain import errors
from desk_app.services import (audit, backups, batch, business_date, cards, clerks, demo, demo_day, duplicates,
                               exports, importing, inactivity, lookup, night_audit, office, posting, redemption, registration,
                               reports, reversal, roles)
from desk_app.services.context import Desk
from tests.db.helpers import enrol, stay

pytestmark = pytest.mark.usefixtures("backend_all")
DAY = date(2026, 11, 22)
PASSWORD = "a-long-password"


def desk_as(role: str) -> Desk:
    return Desk(DAY, "TKO", f"{role}-1", "T1", role)


SUPERVISOR = desk_as("supervisor")
_seq = [0]


def _next() -> int:
    _seq[0] += 1
    return _seq[0]


def rich_member(db) -> str:
    """Fully registered, 12,000 points, a card."""
    number = enrol(db)
    stay(db, number, "2026-11-20", "2026-11-22", 600_000, business="2026-11-22")
    cards.issue(db, SUPERVISOR, number)
    return number


def simple_member(db) -> str:
    return enrol(db, full=False, birth_date=date(1990, 4, 1))


def a_clerk(db) -> str:
    login = f"staff{_next()}"
    clerks.create(db, SUPERVISOR, login, "Someone", "cashier", PASSWORD)
    return login


def folio(number: str, check_in="2026-11-20", check_out="2026-11-22") -> posting.StayFolio:
    return posting.StayFolio(folio=f"R{_next()}", check_in=date.fromisoformat(check_in),
                             check_out=date.fromisoformat(check_out), channel="direct",
                             charges={"room": 30_000})


def a_bill() -> posting.Bill:
    return posting.Bill(check=f"C{_next()}", date=DAY, charges={"fnb": 5_000}, payment="card")


def enrolment(email: str | None = "") -> registration.Enrolment:
    if email == "":
        email = f"new{_next()}@example.jp"
    return registration.Enrolment("Ito", "Ken", email, no_email_reason=None if email else "guest has none")


def a_posting(db) -> str:
    number = rich_member(db)
    return posting.post_stay(db, SUPERVISOR, number, folio(number)).transaction_id


def revoked_email(db) -> registration.Enrolment:
    email = f"revoked{_next()}@example.jp"
    number = enrol(db, email=email)
    office.revoke(db, SUPERVISOR, number, "disqualified (T&C 7.1)")
    return registration.Enrolment("Ito", "Ken", email, readmit_reason="the office's decision of 2026-11-20")


@dataclass(frozen=True)
class Case:
    name: str
    function: Callable
    least: str
    prepare: Callable[[Any], Any]      # as a supervisor, fresh for each call
    call: Callable[[Any, Desk, Any], Any]


CASES = [
    # cashier
    Case("lookup", lookup.lookup, "cashier", rich_member, lambda db, d, n: lookup.lookup(db, d, n)),
    Case("show", lookup.show, "cashier", rich_member, lambda db, d, n: lookup.show(db, d, n)),
    Case("history", lookup.history, "cashier", rich_member, lambda db, d, n: lookup.history(db, d, n)),
    Case("verify_card", cards.verify, "cashier",
         lambda db: cards.issue(db, SUPERVISOR, rich_member(db)).qr_payload,
         lambda db, d, payload: cards.verify(db, d, payload)),
    Case("show", cards.current, "cashier", rich_member, lambda db, d, n: cards.current(db, d, n)),
    Case("post_bill", posting.post_bill, "cashier", rich_member,
         lambda db, d, n: posting.post_bill(db, d, n, a_bill())),
    Case("preview_bill", posting.preview_bill, "cashier", rich_member,
         lambda db, d, n: posting.preview_bill(db, d, n, a_bill())),
    Case("pay_by_points", redemption.pay_by_points, "cashier", rich_member,
         lambda db, d, n: redemption.pay_by_points(db, d, n, 1_000)),
    Case("redeem_breakfast", redemption.redeem, "cashier", rich_member,
         lambda db, d, n: redemption.redeem(db, d, n, "breakfast_adult")),
    Case("preview_reversal", reversal.preview, "cashier", a_posting,
         lambda db, d, tx: reversal.preview(db, d, tx)),
    # clerk
    Case("register", registration.register, "clerk", lambda db: enrolment(),
         lambda db, d, e: registration.register(db, d, e)),
    Case("check_enrolment", registration.check_enrolment, "clerk", lambda db: enrolment(),
         lambda db, d, e: registration.check_enrolment(db, d, e)),
    Case("email_available", registration.email_available, "clerk", lambda db: None,
         lambda db, d, _: registration.email_available(db, d, "someone@example.jp")),
    Case("complete_registration", registration.complete_registration, "clerk", simple_member,
         lambda db, d, n: registration.complete_registration(
             db, d, n, postal_code="100-0005", address="Chiyoda-ku 1-1", country="JP", phone="03-3224-6617")),
    Case("update_contact", registration.update_contact, "clerk", rich_member,
         lambda db, d, n: registration.update_contact(db, d, n, phone="090-9999-0000")),
    Case("post_stay", posting.post_stay, "clerk", rich_member,
         lambda db, d, n: posting.post_stay(db, d, n, folio(n))),
    Case("post_stay (claim)", posting.post_stay, "clerk", rich_member,
         lambda db, d, n: posting.post_stay(db, d, n, folio(n, "2026-08-01", "2026-08-03"))),
    Case("preview_stay", posting.preview_stay, "clerk", rich_member,
         lambda db, d, n: posting.preview_stay(db, d, n, folio(n))),
    Case("redeem_award", redemption.redeem, "clerk", rich_member,
         lambda db, d, n: redemption.redeem(db, d, n, "stay_standard")),
    Case("issue_card", cards.issue, "clerk", lambda db: enrol(db), lambda db, d, n: cards.issue(db, d, n)),
    Case("replace_card", cards.issue, "clerk", rich_member, lambda db, d, n: cards.issue(db, d, n, "lost")),
    Case("premium_selection", registration.choose_premium_hotel, "clerk", rich_member,
         lambda db, d, n: registration.choose_premium_hotel(db, d, n, "OSA")),
    # supervisor
    Case("register_without_email", registration.register, "supervisor", lambda db: enrolment(None),
         lambda db, d, e: registration.register(db, d, e)),
    Case("register_without_reading", registration.register, "supervisor",
         lambda db: dataclasses.replace(enrolment(), family_name="伊藤", given_name="健",
                                        no_reading_reason="the guest could not say it"),
         lambda db, d, e: registration.register(db, d, e)),
    Case("change_birth_date", registration.complete_registration, "supervisor", simple_member,
         lambda db, d, n: registration.complete_registration(
             db, d, n, postal_code="100-0005", address="Chiyoda-ku 1-1", country="JP", phone="03-3224-6617",
             birth_date=date(1991, 4, 1))),
    Case("change_name", registration.change_name, "supervisor", rich_member,
         lambda db, d, n: registration.change_name(db, d, n, family_name="Kato", given_name="Hana",
                                                   family_kana=None, given_kana=None, reason="marriage")),
    Case("adjust", office.adjust, "supervisor", rich_member,
         lambda db, d, n: office.adjust(db, d, n, 500, "goodwill")),
    Case("merge", office.merge, "supervisor", lambda db: (rich_member(db), rich_member(db)),
         lambda db, d, pair: office.merge(db, d, *pair)),
    Case("withdraw", office.withdraw, "supervisor", rich_member,
         lambda db, d, n: office.withdraw(db, d, n, "member request")),
    Case("revoke", office.revoke, "supervisor", rich_member,
         lambda db, d, n: office.revoke(db, d, n, "inactive for 36 months (T&C 7.2)")),
    Case("readmit", registration.register, "supervisor", revoked_email,
         lambda db, d, e: registration.register(db, d, e)),
    Case("reverse", reversal.reverse, "supervisor", a_posting,
         lambda db, d, tx: reversal.reverse(db, d, tx, "refunded")),
    Case("expire_points", batch.expire_points, "supervisor", lambda db: None,
         lambda db, d, _: batch.expire_points(db, d)),
    Case("evaluate_tiers", batch.evaluate_tiers, "supervisor", lambda db: rich_member(db),
         lambda db, d, _: batch.evaluate_tiers(db, d, 2025)),
    Case("inactive", batch.inactive, "supervisor", lambda db: None, lambda db, d, _: batch.inactive(db, d)),
    Case("demo_data", demo.generate, "supervisor", lambda db: _next(),
         lambda db, d, seed: demo.generate(db, d, 1, seed)),
    Case("check_ledger", audit.check_all, "supervisor", lambda db: None, lambda db, d, _: audit.check_all(db, d)),
    Case("check_ledger", audit.check_ledger, "supervisor", lambda db: None,
         lambda db, d, _: audit.check_ledger(db, d)),
    Case("ledger_head", audit.ledger_head, "supervisor", lambda db: None, lambda db, d, _: audit.ledger_head(db, d)),
    Case("backup", backups.backup, "supervisor", lambda db: a_folder(),
         lambda db, d, folder: _sqlite_only(db, lambda: backups.backup(db, d, folder / "b.sqlite3"))),
    Case("restore", backups.restore, "supervisor", lambda db: _backup_file(db),
         lambda db, d, path: _sqlite_only(db, lambda: backups.restore(db, d, path))),
    Case("roll_business_date", business_date.roll, "supervisor", lambda db: _business_date_yesterday(db),
         lambda db, d, _: business_date.roll(db, d)),
    Case("manage_card_keys", cards.key_ring, "supervisor", lambda db: None, lambda db, d, _: cards.key_ring(db, d)),
    Case("rotate_card_key", cards.rotate_key, "supervisor", lambda db: None,
         lambda db, d, _: cards.rotate_key(db, d)),
    Case("retire_card_key", cards.retire_key, "supervisor", lambda db: cards.rotate_key(db, SUPERVISOR),
         lambda db, d, ring: cards.retire_key(db, d, ring.keys[0])),
    Case("create_clerk", clerks.create, "supervisor", lambda db: f"new{_next()}",
         lambda db, d, login: clerks.create(db, d, login, "New One", "cashier", PASSWORD)),
    Case("unlock_clerk", clerks.unlock, "supervisor", a_clerk, lambda db, d, login: clerks.unlock(db, d, login)),
    Case("reset_password", clerks.reset_password, "supervisor", a_clerk,
         lambda db, d, login: clerks.reset_password(db, d, login, "another-password")),
    Case("deactivate_clerk", clerks.deactivate, "supervisor", a_clerk,
         lambda db, d, login: clerks.deactivate(db, d, login)),
    Case("list_clerks", clerks.list_clerks, "supervisor", lambda db: None,
         lambda db, d, _: clerks.list_clerks(db, d)),
    # the office's reports, exports and lists
    Case("report_shift_own", reports.shift_report, "cashier", lambda db: None,
         lambda db, d, _: reports.shift_report(db, d, DAY)),
    Case("export_data", exports.export_ledger, "clerk", lambda db: a_folder(),
         lambda db, d, folder: exports.export_ledger(db, d, folder / "ledger.csv", DAY, DAY)),
    Case("export_members", exports.export_members, "clerk", lambda db: a_folder(),
         lambda db, d, folder: exports.export_members(db, d, folder / "members.csv")),
    Case("export_personal_data", exports.export_members, "supervisor", lambda db: a_folder(),
         lambda db, d, folder: exports.export_members(db, d, folder / "members.csv", personal=True)),
    Case("report_day", reports.day_report, "supervisor", lambda db: None,
         lambda db, d, _: reports.day_report(db, d, DAY)),
    Case("recent_exports", exports.recent_exports, "supervisor", lambda db: None,
         lambda db, d, _: exports.recent_exports(db, d)),
    Case("report_shift_other", reports.shift_report, "supervisor", lambda db: None,
         lambda db, d, _: reports.shift_report(db, d, DAY, clerk="someone-else")),
    Case("report_program", reports.points_flow, "supervisor", lambda db: None,
         lambda db, d, _: reports.points_flow(db, d)),
    Case("members_by_tier", reports.members_by_tier, "supervisor", lambda db: None,
         lambda db, d, _: reports.members_by_tier(db, d)),
    Case("expiring_by_month", reports.expiring_by_month, "supervisor", lambda db: None,
         lambda db, d, _: reports.expiring_by_month(db, d)),
    Case("enrolments_by_day", reports.enrolments_by_day, "supervisor", lambda db: None,
         lambda db, d, _: reports.enrolments_by_day(db, d)),
    Case("find_duplicates", duplicates.find, "supervisor", lambda db: None,
         lambda db, d, _: duplicates.find(db, d)),
    Case("side_by_side", duplicates.side_by_side, "supervisor", lambda db: (rich_member(db), rich_member(db)),
         lambda db, d, pair: duplicates.side_by_side(db, d, *pair)),
    Case("revoke_inactive", inactivity.revoke_inactive, "supervisor", rich_member,
         lambda db, d, n: inactivity.revoke_inactive(db, d, [n], "inactive for 36 months (T&C 7.2)")),
    Case("night_audit", night_audit.run, "supervisor", lambda db: None, lambda db, d, _: night_audit.run(db, d)),
    Case("audit_plan", night_audit.plan, "supervisor", lambda db: None, lambda db, d, _: night_audit.plan(db, d)),
    Case("audit_history", night_audit.history, "supervisor", lambda db: None,
         lambda db, d, _: night_audit.history(db, d)),
    Case("busy_day", demo_day.busy_day, "supervisor", rich_member,
         lambda db, d, _: demo_day.busy_day(db, d, DAY, 2, seed=_next(), enrolments=0)),
    Case("import_members", importing.import_members, "supervisor", lambda db: an_import_file(),
         lambda db, d, path: importing.import_members(db, d, path)),
]


def an_import_file():
    path = a_folder() / "members.csv"
    path.write_text(f"family_name,given_name,email,enrolled_on,lots\n"
                    f"Ito,Ken,import{_next()}@example.jp,2026-01-05,2026-05-01:300\n",
                    encoding="utf-8")
    return path


def a_folder():
    import tempfile
    from pathlib import Path

    return Path(tempfile.mkdtemp(prefix="export-"))


def _folder():
    import tempfile
    from pathlib import Path

    return Path(tempfile.mkdtemp(prefix="export-"))


def _sqlite_only(db, call):
    """Backups are the embedded SQLite file's: on PostgreSQL an allowed
    role gets not_supported (pg_dump), after the role check."""
    if db.sqlite_path() is not None:
        return call()
    with pytest.raises(errors.NotSupported):
        call()


def _backup_file(db):
    if db.sqlite_path() is None:
        return a_folder() / "none.sqlite3"
    return backups.backup(db, SUPERVISOR, a_folder() / "b.sqlite3").path


def _business_date_yesterday(db):
    from datetime import timedelta

    from desk_app.db.schema import BusinessDay

    with db.write() as s:
        for row in s.scalars(select(BusinessDay)):
            row.business_date = business_date.today() - timedelta(days=1)


# Service functions that take the database but check no role, and why.
NO_ROLE = {
    "clerks.count": "how many accounts exist (none: the first start); no personal data",
    "clerks.authenticate": "the sign-in itself",
    "clerks.authenticate_before_upgrade": "the sign-in itself, on an older schema",
    "clerks.supervisor_override": "a supervisor's own sign-in at a clerk's desk; anyone else is refused",
    "clerks.change_password": "the signed-in clerk's own account only (tested below)",
    "clerks.set_language": "the signed-in clerk's own account only (tested below)",
    "cards.current_card_of": "called by services that have checked the role (lookup)",
    "refusals.record": "counts a refusal the caller has just shown; returns nothing",
    "reports.chain_head_now": "called by the day report once it has checked the role",
    "audit.chain_head": "the recorded chain head only, no member data; ledger_head and the day report check theirs",
    "backups.daily": "the day's automatic copy at start, before anyone signs in; written only into the data folder",
    "business_date.current": "the hotel's business date, needed before anyone signs in; no member data",
    "business_date.latest": "the latest business date of the hotels, for the daily backup's name",
}
# Modules of helpers that work inside a caller's transaction (they take a
# session, not the database) or hold no service at all.
SERVICE_MODULES = ("audit", "backups", "batch", "business_date", "cards", "clerks", "demo", "demo_day", "duplicates",
                   "exports", "importing", "inactivity", "lookup", "night_audit", "office", "posting", "redemption", "refusals",
                   "registration", "reports", "reversal")


def snapshot(db) -> dict[str, list[tuple]]:
    with db.read() as s:
        return {t.name: [tuple(r) for r in s.execute(select(t).order_by(*t.primary_key.columns))]
                for t in Base.metadata.sorted_tables}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_role_is_allowed_or_refused_with_nothing_changed(db, case):
    for role in roles.ROLES:
        prepared = case.prepare(db)
        before = snapshot(db)
        allowed = roles.rank(role) >= roles.rank(case.least)
        assert roles.allowed(role, _matrix_action(case)) is allowed
        if allowed:
            case.call(db, desk_as(role), prepared)
        else:
            with pytest.raises(errors.NotPermitted) as refused:
                case.call(db, desk_as(role), prepared)
            assert refused.value.code == "not_permitted"
            assert snapshot(db) == before, f"{case.name} by a {role} changed the database"


def _matrix_action(case: Case) -> str:
    aliases = {"preview_bill": "post_bill", "preview_stay": "post_stay", "post_stay (claim)": "post_stay",
               "check_enrolment": "register", "email_available": "register", "replace_card": "issue_card",
               "create_clerk": "manage_clerks", "unlock_clerk": "manage_clerks", "reset_password": "manage_clerks",
               "deactivate_clerk": "manage_clerks", "list_clerks": "manage_clerks", "ledger_head": "check_ledger",
               "rotate_card_key": "manage_card_keys", "retire_card_key": "manage_card_keys",
               "export_members": "export_data", "recent_exports": "report_day", "members_by_tier": "report_program",
               "expiring_by_month": "report_program", "enrolments_by_day": "report_program",
               "side_by_side": "find_duplicates", "revoke_inactive": "revoke", "audit_plan": "night_audit",
               "audit_history": "night_audit", "busy_day": "demo_data"}
    return aliases.get(case.name, case.name)


def test_every_service_function_is_walked_or_says_why_not():
    walked = {f"{c.function.__module__.rsplit('.', 1)[1]}.{c.function.__name__}" for c in CASES}
    found = set()
    for name in SERVICE_MODULES:
        module = importlib.import_module(f"desk_app.services.{name}")
        for fn_name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or fn_name.startswith("_"):
                continue
            params = list(inspect.signature(fn).parameters)
            if params and params[0] == "db":
                found.add(f"{name}.{fn_name}")
    assert found - walked - set(NO_ROLE) == set(), "a service function with no role check in this test"
    assert set(NO_ROLE) <= found


def test_the_matrix_follows_the_program_rules():
    cashier = {a for a in roles.MATRIX if roles.minimum_role(a) == "cashier"}
    clerk = {a for a in roles.MATRIX if roles.minimum_role(a) == "clerk"}
    # Besides the rules' list: anyone signed in prints their own shift
    # report, and a clerk exports without personal data (the office issue:
    # "personal data only for supervisors").
    assert cashier == {"lookup", "show", "history", "verify_card", "post_bill", "pay_by_points", "redeem_breakfast",
                       "preview_reversal", "report_shift_own"}
    assert clerk == {"register", "complete_registration", "update_contact", "post_stay", "redeem_award",
                     "issue_card", "premium_selection", "export_data"}
    # docs/program-rules.md 1: name and birth date through the office; contact data at the desk.
    assert roles.minimum_role("change_name") == roles.minimum_role("change_birth_date") == "supervisor"
    assert not roles.allowed("manager", "lookup") and not roles.allowed("", "lookup")


def test_a_clerk_changes_only_their_own_password_and_language(db):
    clerks.create(db, SUPERVISOR, "kenta", "Kenta", "clerk", PASSWORD)
    clerks.create(db, SUPERVISOR, "cathy", "Cathy", "cashier", PASSWORD)
    kenta = Desk(DAY, "TKO", "kenta", "T1", "clerk")
    clerks.change_password(db, kenta, PASSWORD, "kentas-new-password")
    clerks.set_language(db, kenta, "ja")
    assert clerks.authenticate(db, "kenta", "kentas-new-password").language == "ja"
    cathy = clerks.authenticate(db, "cathy", PASSWORD)
    assert (cathy.language, cathy.locked) == ("en", False)
