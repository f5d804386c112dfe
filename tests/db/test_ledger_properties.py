"""Property tests: random sequences of postings, redemptions, expiries,
merges, adjustments, withdrawals and reversals keep the ledger's invariants."""

import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import func, select

from desk_app.db.schema import Credit, LedgerEntry, Lot, Member, Posting
from desk_app.domain import errors
from desk_app.services import audit, batch, office, posting, redemption, registration, reversal
from desk_app.services.database import Database
from tests.conftest import desk_on

_TEMPLATE: dict[str, Path] = {}


def template_db() -> Path:
    """Migrating once and copying the file keeps each example fast."""
    if "path" not in _TEMPLATE:
        path = Path(tempfile.mkdtemp()) / "template.sqlite3"
        db = Database(f"sqlite:///{path}")
        db.initialize("one_harmony")
        db.dispose()
        _TEMPLATE["path"] = path
    return _TEMPLATE["path"]


class Ledger(RuleBasedStateMachine):
    @initialize()
    def setup(self):
        self.dir = Path(tempfile.mkdtemp())
        shutil.copy(template_db(), self.dir / "db.sqlite3")
        self.db = Database(f"sqlite:///{self.dir / 'db.sqlite3'}")
        self.day = date(2024, 1, 10)
        self.members: list[str] = []
        self.posted: dict[str, int] = {}   # folio -> points credited, postings in force
        self.posting_tx: dict[str, tuple[str, str]] = {}  # transaction -> (kind, folio), postings in force
        self.freed: dict[str, str] = {}    # folio -> kind, reversed and not posted again
        self.redemptions: list[tuple[str, date]] = []     # transaction, business date
        self.postings_made = 0
        self.seq = 0

    def teardown(self):
        self.db.dispose()
        shutil.rmtree(self.dir, ignore_errors=True)

    def desk(self):
        return desk_on(self.day)

    def attempt(self, fn, *args, **kw):
        try:
            return fn(*args, **kw)
        except errors.DeskError:
            return None  # a refusal must change nothing: the invariants check it

    @rule(full=st.booleans())
    def enrol(self, full):
        self.seq += 1
        v = registration.register(self.db, self.desk(), registration.Enrolment("Sato", "Hana", f"m{self.seq}@x.jp"))
        if full:
            registration.complete_registration(self.db, self.desk(), v.member_number, postal_code="100-0005",
                                               address="Tokyo", country="JP", phone="0312345678",
                                               birth_date=date(1985, 4, 1))
        self.members.append(v.member_number)

    @precondition(lambda self: self.members)
    @rule(data=st.data(), nights=st.integers(0, 5), room=st.integers(0, 400_000),
          channel=st.sampled_from(["direct", "ota", "official_website"]), back=st.integers(0, 200),
          companion=st.booleans())
    def post_stay(self, data, nights, room, channel, back, companion):
        number = data.draw(st.sampled_from(self.members))
        check_out = self.day - timedelta(days=back)
        self.seq += 1
        folio = f"F{self.seq}"
        others = [m for m in self.members if m != number]
        comps = (data.draw(st.sampled_from(others)),) if companion and others else ()
        r = self.attempt(posting.post_stay, self.db, self.desk(), number, posting.StayFolio(
            folio, check_out - timedelta(days=nights), check_out, channel, {"room": room, "tax": room // 10},
            companions=comps))
        if r is not None:
            self.credited(r, "stay", folio)
            # The same folio again is always refused.
            again = self.attempt(posting.post_stay, self.db, self.desk(), number, posting.StayFolio(
                folio, check_out - timedelta(days=nights), check_out, channel, {"room": room}))
            assert again is None

    @precondition(lambda self: self.members)
    @rule(data=st.data(), fnb=st.integers(0, 200_000))
    def post_bill(self, data, fnb):
        self.seq += 1
        r = self.attempt(posting.post_bill, self.db, self.desk(), data.draw(st.sampled_from(self.members)),
                         posting.Bill(f"C{self.seq}", self.day, {"fnb": fnb}))
        if r is not None:
            self.credited(r, "bill", f"C{self.seq}")

    def credited(self, r, kind, folio):
        self.posted[folio] = r.points + r.bonus_points
        self.posting_tx[r.transaction_id] = (kind, folio)
        self.freed.pop(folio, None)
        self.postings_made += 1

    @precondition(lambda self: self.members)
    @rule(data=st.data(), award=st.sampled_from(["breakfast_adult", "breakfast_child", "stay_standard"]),
          quantity=st.integers(1, 3))
    def redeem(self, data, award, quantity):
        r = self.attempt(redemption.redeem, self.db, self.desk(), data.draw(st.sampled_from(self.members)), award,
                         quantity)
        if r is not None:
            self.redemptions.append((r.transaction_id, self.day))

    @precondition(lambda self: self.members)
    @rule(data=st.data(), units=st.integers(1, 10))
    def pay_by_points(self, data, units):
        r = self.attempt(redemption.pay_by_points, self.db, self.desk(), data.draw(st.sampled_from(self.members)),
                         units * 500)
        if r is not None:
            self.redemptions.append((r.transaction_id, self.day))

    @precondition(lambda self: self.posting_tx)
    @rule(data=st.data())
    def reverse_posting(self, data):
        tx = data.draw(st.sampled_from(sorted(self.posting_tx)))
        r = self.attempt(reversal.reverse, self.db, self.desk(), tx, "test")
        if r is not None:
            kind, folio = self.posting_tx.pop(tx)
            credited = self.posted.pop(folio)
            # Everything credited comes back, less what expired unused.
            assert -credited <= r.points <= 0
            self.freed[folio] = kind
            # Reversed once only.
            with self.assert_refused(errors.AlreadyReversed):
                reversal.reverse(self.db, self.desk(), tx, "again")

    @precondition(lambda self: self.freed and self.members)
    @rule(data=st.data(), amount=st.integers(0, 200_000))
    def post_freed_folio_again(self, data, amount):
        folio = data.draw(st.sampled_from(sorted(self.freed)))
        kind, number = self.freed[folio], data.draw(st.sampled_from(self.members))
        if kind == "stay":
            r = self.attempt(posting.post_stay, self.db, self.desk(), number, posting.StayFolio(
                folio, self.day, self.day, "direct", {"room": amount}))
        else:
            r = self.attempt(posting.post_bill, self.db, self.desk(), number, posting.Bill(folio, self.day,
                                                                                         {"fnb": amount}))
        if r is not None:
            self.credited(r, kind, folio)

    @precondition(lambda self: self.redemptions)
    @rule(data=st.data())
    def void_redemption(self, data):
        tx, day = data.draw(st.sampled_from(self.redemptions))
        r = self.attempt(reversal.reverse, self.db, self.desk(), tx, "test")
        if day != self.day:
            assert r is None  # only on its own business date
        if r is not None:
            assert r.points > 0 and r.nights == 0
            self.redemptions.remove((tx, day))

    def assert_refused(self, error):
        import pytest

        return pytest.raises(error)

    @precondition(lambda self: self.members)
    @rule(data=st.data(), points=st.integers(-5_000, 5_000))
    def adjust(self, data, points):
        self.attempt(office.adjust, self.db, self.desk(), data.draw(st.sampled_from(self.members)), points, "test")

    @rule(days=st.integers(1, 500), run_batch=st.booleans())
    def time_passes(self, days, run_batch):
        self.day += timedelta(days=days)
        if run_batch:
            batch.expire_points(self.db, self.desk())

    @precondition(lambda self: len(self.members) >= 2)
    @rule(data=st.data())
    def merge(self, data):
        keep, drop = data.draw(st.lists(st.sampled_from(self.members), min_size=2, max_size=2, unique=True))
        self.attempt(office.merge, self.db, self.desk(), keep, drop)

    @precondition(lambda self: self.members)
    @rule(data=st.data())
    def withdraw(self, data):
        self.attempt(office.withdraw, self.db, self.desk(), data.draw(st.sampled_from(self.members)), "test")

    @invariant()
    def ledger_balances(self):
        if not hasattr(self, "db"):
            return
        # The whole chain recomputes and the set-based invariants hold after
        # every step, refusals included (a refusal writes no entry).
        report = audit.check_ledger(self.db, self.desk())
        assert report == audit.chain_head(self.db)
        with self.db.read() as s:
            assert s.scalar(select(func.count(LedgerEntry.id))) == report.entries
            for member in s.scalars(select(Member)):
                check = audit.check_member(s, member)
                assert check.problems == (), check.problems        # entries = lots, allocations complete
                lots = list(s.scalars(select(Lot).where(Lot.member_id == member.id)))
                assert all(l.remaining >= 0 for l in lots)
                balance = sum(l.remaining for l in lots if l.expires_on >= self.day)
                from desk_app.services import lookup

                assert lookup.show(self.db, self.desk(), member.number).points_balance == balance >= 0
                if member.status != "active":
                    assert balance == 0
            # Nothing credited twice: one posting row in force and one
            # earning entry per folio; a reversed folio's row is marked.
            assert s.scalar(select(func.count(Posting.id)).where(Posting.reversed_by.is_(None))) == len(self.posted)
            assert s.scalar(select(func.count(Posting.id))) == self.postings_made
            assert s.scalar(select(func.count(LedgerEntry.id)).where(LedgerEntry.kind.in_(["stay", "bill"]))) == \
                self.postings_made
            credited = dict(s.execute(select(Posting.reference, Posting.points + Posting.bonus_points)
                                      .where(Posting.reversed_by.is_(None))).all())
            assert credited == self.posted
            # A reversed posting's credits are all taken back out; no year's
            # figures go below zero.
            for reversed_tx, in s.execute(select(Posting.transaction_id).where(Posting.reversed_by.is_not(None))):
                net = s.execute(select(func.coalesce(func.sum(Credit.qualifying_points), 0),
                                       func.coalesce(func.sum(Credit.nights), 0))
                                .join(LedgerEntry, LedgerEntry.id == Credit.entry_id)
                                .where((LedgerEntry.transaction_id == reversed_tx)
                                       | (LedgerEntry.reverses == reversed_tx))).one()
                assert tuple(net) == (0, 0)
            by_year: dict = {}
            for mid, day, pts, nights in s.execute(select(Credit.member_id, Credit.date_of_use,
                                                          Credit.qualifying_points, Credit.nights)):
                key = (mid, day.year)
                p0, n0 = by_year.get(key, (0, 0))
                by_year[key] = (p0 + pts, n0 + nights)
            assert all(p >= 0 and n >= 0 for p, n in by_year.values())

    @invariant()
    def after_expiry_balance_equals_entries(self):
        if not hasattr(self, "db"):
            return
        batch.expire_points(self.db, self.desk())
        with self.db.read() as s:
            for member in s.scalars(select(Member)):
                total = s.scalar(select(func.coalesce(func.sum(LedgerEntry.points), 0))
                                 .where(LedgerEntry.member_id == member.id))
                lots = s.scalar(select(func.coalesce(func.sum(Lot.remaining), 0)).where(
                    Lot.member_id == member.id, Lot.expires_on >= self.day))
                assert total == lots


Ledger.TestCase.settings = settings(max_examples=25, stateful_step_count=20, deadline=None,
                                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TestLedger = Ledger.TestCase
