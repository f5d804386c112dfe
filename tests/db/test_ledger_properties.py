"""Property tests: random sequences of postings, redemptions, expiries,
merges, adjustments and withdrawals keep the ledger's invariants."""

import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import func, select

from desk_app.db.schema import LedgerEntry, Lot, Member, Posting
from desk_app.domain import errors
from desk_app.services import audit, batch, office, posting, redemption, registration
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
        self.posted: dict[str, int] = {}   # folio -> points credited
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
                                               address="Tokyo", country="JP", phone="0312345678")
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
            self.posted[folio] = r.points + r.bonus_points
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
            self.posted[f"C{self.seq}"] = r.points + r.bonus_points

    @precondition(lambda self: self.members)
    @rule(data=st.data(), award=st.sampled_from(["breakfast_adult", "breakfast_child", "stay_standard"]),
          quantity=st.integers(1, 3))
    def redeem(self, data, award, quantity):
        self.attempt(redemption.redeem, self.db, self.desk(), data.draw(st.sampled_from(self.members)), award,
                     quantity)

    @precondition(lambda self: self.members)
    @rule(data=st.data(), units=st.integers(1, 10))
    def pay_by_points(self, data, units):
        self.attempt(redemption.pay_by_points, self.db, self.desk(), data.draw(st.sampled_from(self.members)),
                     units * 500)

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
        with self.db.read() as s:
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
            # Nothing credited twice: one posting row and one earning entry per folio.
            assert s.scalar(select(func.count(Posting.id))) == len(self.posted)
            assert s.scalar(select(func.count(LedgerEntry.id)).where(LedgerEntry.kind.in_(["stay", "bill"]))) == \
                len(self.posted)
            credited = dict(s.execute(select(Posting.reference, Posting.points + Posting.bonus_points)).all())
            assert credited == self.posted

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
