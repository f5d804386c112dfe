"""A busy business day for demonstrations, screenshots and the day
report's benchmark: stays and bills posted by several clerks at several
terminals, awards and Pay by Points, adjustments and reversals with their
reasons, new members, and the refusals a real desk meets (counted as the
desk counts them). Everything goes through the real services."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import select

from ..db.schema import Member
from ..domain import errors
from . import office, posting, redemption, refusals, registration, reversal
from .context import Desk
from .database import Database

CLERKS = (("front.ito", "FRONT-1"), ("front.mori", "FRONT-2"), ("bar.kato", "BAR-1"), ("cafe.abe", "CAFE-1"))
ADJUST_REASONS = ("goodwill: room not ready at check-in", "points missing from a partner stay",
                  "breakfast award entered twice", "birthday gift from the general manager")
REVERSE_REASONS = ("posted to the wrong member", "folio refunded in full", "the guest paid with a JAL Coupon")


@dataclass(frozen=True)
class DaySummary:
    postings: int
    redemptions: int
    adjustments: int
    reversals: int
    enrolments: int
    refusals: int


def busy_day(db: Database, desk: Desk, day: date, postings: int = 200, *, seed: int = 1,
             enrolments: int = 5) -> DaySummary:
    """`postings` stays and bills on `day` at the desk's hotel, and what
    comes with them. Members are the open, fully registered ones already
    in the database (demo-data makes them)."""
    desk.require("demo_data")
    if not isinstance(postings, int) or not 0 <= postings <= 100_000:
        raise errors.InvalidAmount("The number of postings must be between 0 and 100,000.")
    rng = random.Random(seed * 100_003 + day.toordinal())
    with db.read() as s:
        pool = list(s.scalars(select(Member.number).where(
            Member.status == "active", Member.registration == "full", Member.enrolled_on <= day - timedelta(days=3))
            .order_by(Member.id)))
    if not pool:
        raise errors.MemberNotFound("Load demo members first: the day needs fully registered members.")
    counts = dict(postings=0, redemptions=0, adjustments=0, reversals=0, enrolments=0, refusals=0)
    posted: list[tuple[str, str]] = []   # (transaction id, clerk login) of the day's postings

    def at(i: int | None = None) -> Desk:
        login, terminal = CLERKS[rng.randrange(len(CLERKS))] if i is None else CLERKS[i]
        role = "clerk" if login.startswith("front") else "cashier"
        return replace(desk, business_date=day, clerk=login, terminal=terminal, role=role)

    def attempt(action: str, where: Desk, call):
        try:
            return call()
        except errors.DeskError as exc:   # what the desk would show, and count
            refusals.record(db, where, action, exc.code)
            counts["refusals"] += 1
            return None

    with db.batch():
        for i in range(enrolments):
            who = at(rng.randrange(2))
            r = attempt("register", who, lambda: registration.register(db, who, registration.Enrolment(
                "Demo", f"Guest{i}", f"guest.{day:%Y%m%d}.{i}.{seed}@example.jp", "デモ", "ゲスト")))
            counts["enrolments"] += r is not None
        for i in range(postings):
            number = rng.choice(pool)
            if rng.random() < 0.6:
                who = at(rng.randrange(2))
                nights = rng.choice((1, 1, 1, 2, 2, 3))
                room = rng.choice((18_000, 24_000, 32_000, 45_000)) * nights
                folio = posting.StayFolio(f"BD{day:%m%d}-{seed}-{i}", day - timedelta(days=nights), day,
                                          rng.choice(("official_website", "direct", "reservation_center")),
                                          {"room": room, "fnb": rng.choice((0, 4_500, 9_000)), "tax": room // 10})
                r = attempt("post_stay", who, lambda: posting.post_stay(db, who, number, folio))
            else:
                who = at(2 + rng.randrange(2))
                food = rng.choice((3_800, 6_500, 9_000, 15_000, 28_000))
                bill = posting.Bill(f"BB{day:%m%d}-{seed}-{i}", day, {"fnb": food, "tax": food // 10},
                                    payment=rng.choice(("cash", "card", "room")))
                r = attempt("post_bill", who, lambda: posting.post_bill(db, who, number, bill))
            if r is not None:
                counts["postings"] += 1
                posted.append((r.transaction_id, who.clerk))
            # Now and then a second desk posts the same folio or check: refused.
            if r is not None and rng.random() < 0.02:
                attempt("post_stay" if r.nights else "post_bill", who, lambda: _repeat(db, who, number, r))
            roll = rng.random()
            if roll < 0.12:
                who = at(rng.randrange(len(CLERKS)))
                award = rng.choice(("breakfast_adult", "breakfast_adult", "breakfast_child"))
                done = attempt("redeem", who, lambda: redemption.redeem(db, who, number, award,
                                                                        rng.choice((1, 2))))
                counts["redemptions"] += done is not None
            elif roll < 0.2:
                who = at(2 + rng.randrange(2))
                done = attempt("pay_by_points", who, lambda: redemption.pay_by_points(
                    db, who, number, rng.choice((500, 1_000, 1_500, 3_000))))
                counts["redemptions"] += done is not None
        sup = replace(desk, business_date=day, role="supervisor")
        for _ in range(max(1, postings // 60)):
            number = rng.choice(pool)
            done = attempt("adjust", sup, lambda: office.adjust(db, sup, number, rng.choice((100, 300, 500, -200)),
                                                                rng.choice(ADJUST_REASONS)))
            counts["adjustments"] += done is not None
        for tx, _clerk in rng.sample(posted, min(len(posted), max(1, postings // 80))):
            done = attempt("reverse", sup, lambda: reversal.reverse(db, sup, tx, rng.choice(REVERSE_REASONS)))
            counts["reversals"] += done is not None
    return DaySummary(**counts)


def _repeat(db: Database, desk: Desk, number: str, result):
    """Post the same folio or check again (a second desk's double posting)."""
    from ..db.schema import Posting

    with db.read() as s:
        p = s.scalar(select(Posting).where(Posting.transaction_id == result.transaction_id))
        kind, reference, check_in, check_out, day = p.kind, p.reference, p.check_in, p.check_out, p.date_of_use
    if kind == "stay":
        return posting.post_stay(db, desk, number, posting.StayFolio(reference, check_in, check_out, "direct",
                                                                     {"room": 10_000}))
    return posting.post_bill(db, desk, number, posting.Bill(reference, day, {"fnb": 1_000}))
