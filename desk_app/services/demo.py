"""Realistic fictional members with a few years of history, for trying the
desk and for benchmarks. Everything goes through the real services, so the
demo ledger obeys every rule the desk does."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Callable
from datetime import date, timedelta

from ..domain import errors
from . import office, posting, redemption, registration
from .context import Desk
from .database import Database

# (romaji, katakana) pairs: common Japanese family and given names.
FAMILY = [("Sato", "サトウ"), ("Suzuki", "スズキ"), ("Takahashi", "タカハシ"), ("Tanaka", "タナカ"),
          ("Watanabe", "ワタナベ"), ("Ito", "イトウ"), ("Yamamoto", "ヤマモト"), ("Nakamura", "ナカムラ"),
          ("Kobayashi", "コバヤシ"), ("Kato", "カトウ"), ("Yoshida", "ヨシダ"), ("Yamada", "ヤマダ"),
          ("Sasaki", "ササキ"), ("Yamaguchi", "ヤマグチ"), ("Matsumoto", "マツモト"), ("Inoue", "イノウエ"),
          ("Kimura", "キムラ"), ("Hayashi", "ハヤシ"), ("Shimizu", "シミズ"), ("Mori", "モリ"),
          ("Ikeda", "イケダ"), ("Hashimoto", "ハシモト"), ("Ishikawa", "イシカワ"), ("Ogawa", "オガワ")]
GIVEN = [("Hana", "ハナ"), ("Taro", "タロウ"), ("Yui", "ユイ"), ("Haruto", "ハルト"), ("Aoi", "アオイ"),
         ("Sota", "ソウタ"), ("Mei", "メイ"), ("Ren", "レン"), ("Sakura", "サクラ"), ("Yuto", "ユウト"),
         ("Rin", "リン"), ("Kenji", "ケンジ"), ("Emi", "エミ"), ("Hiroshi", "ヒロシ"), ("Naoko", "ナオコ"),
         ("Takumi", "タクミ"), ("Yoko", "ヨウコ"), ("Daiki", "ダイキ"), ("Mio", "ミオ"), ("Kaito", "カイト")]
FOREIGN = [("Smith", "Emma"), ("Johnson", "Liam"), ("Brown", "Olivia"), ("Martin", "Lucas"),
           ("Müller", "Anna"), ("Rossi", "Marco"), ("Chen", "Wei"), ("Kim", "Minji"), ("Nguyen", "Linh")]
CITIES = [("100-0005", "Tokyo, Chiyoda-ku, Marunouchi 1-1-1"), ("530-0001", "Osaka, Kita-ku, Umeda 2-2-2"),
          ("600-8216", "Kyoto, Shimogyo-ku, Higashi-Shiokoji 3-3"), ("060-0001", "Sapporo, Chuo-ku, Kita 1 Nishi 4")]
STAY_CHANNELS = ["official_website"] * 5 + ["reservation_center"] * 2 + ["direct"] * 2 + ["ota", "travel_agency"]
PLANS = ["standard"] * 8 + ["package", "group", "contract"]


def generate(db: Database, desk: Desk, members: int, seed: int = 1,
             progress: Callable[[int, int], None] | None = None) -> int:
    """Make `members` fictional members; `progress(done, total)` is called
    as they are made (from the calling thread)."""
    desk.require("demo_data")
    if not isinstance(members, int) or members < 1 or members > 1_000_000:
        raise errors.InvalidAmount("The number of demo members must be between 1 and 1,000,000.")
    rng = random.Random(seed)
    program = db.program
    props = [p.code for p in program.properties if p.currency == program.home_currency]
    today = desk.business_date
    made = 0
    # All or nothing: one transaction (each call a savepoint), so a failure
    # half-way leaves no demo members behind and the command never reports
    # a refusal after committing some.
    with db.batch():
        while made < members:
            _one_member(db, desk, rng, made, props, today)
            made += 1
            if progress is not None and (made % 10 == 0 or made == members):
                progress(made, members)
    return made


def _one_member(db: Database, desk: Desk, rng: random.Random, i: int, props: list[str], today: date) -> None:
    enrolled = today - timedelta(days=rng.randint(0, 4 * 365))
    home = rng.choice(props)
    d = replace(desk, business_date=enrolled, property_code=home)
    if rng.random() < 0.85:
        (fam, fam_k), (giv, giv_k) = rng.choice(FAMILY), rng.choice(GIVEN)
        country = "JP"
    else:
        (fam, giv), fam_k, giv_k = rng.choice(FOREIGN), None, None
        country = rng.choice(["US", "GB", "DE", "SG"])
    email = f"{giv.lower()}.{fam.lower()}.{i}.{rng.randint(100, 999)}@example.{rng.choice(['jp', 'com', 'net'])}"
    email = email.replace("ü", "ue")
    # Adults on the day they join (19 to 76 years old): a demo never makes
    # a minor, who would need a guardian's consent.
    birth = date(enrolled.year - rng.randint(19, 76), rng.randint(1, 12), rng.randint(1, 28))
    member = registration.register(db, d, registration.Enrolment(
        fam, giv, email, fam_k, giv_k, birth_date=birth, preferred_language="ja" if country == "JP" else "en"))
    number = member.member_number
    if rng.random() < 0.75:
        postal, address = rng.choice(CITIES)
        phone = f"090-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
        registration.complete_registration(db, d, number, postal_code=postal, address=address, country="JP",
                                           phone=phone)
    # A few stays and meals between enrollment and today, oldest first.
    events = sorted(enrolled + timedelta(days=rng.randint(0, max(0, (today - enrolled).days)))
                    for _ in range(rng.choice([0, 1, 2, 3, 4, 6, 9, 14])))
    for n, day in enumerate(events):
        prop = rng.choice(props)
        at = replace(desk, business_date=day, property_code=prop)
        try:
            if rng.random() < 0.7:
                nights = rng.choice([1, 1, 2, 2, 3, 4, 7])
                check_in = max(enrolled, day - timedelta(days=nights))
                room = rng.choice([18000, 24000, 32000, 45000, 68000]) * max(1, (day - check_in).days)
                posting.post_stay(db, at, number, posting.StayFolio(
                    folio=f"D{i}-{n}", check_in=check_in, check_out=day, channel=rng.choice(STAY_CHANNELS),
                    rate_plan=rng.choice(PLANS), charges={
                        "room": room, "fnb": rng.choice([0, 0, 4500, 12000]), "tax": room // 10,
                        "service": room // 10}))
            else:
                food = rng.choice([3800, 6500, 9000, 15000, 28000])
                posting.post_bill(db, at, number, posting.Bill(
                    check=f"C{i}-{n}", date=day, charges={"fnb": food, "tax": food // 10},
                    payment=rng.choice(["cash", "card", "room", "card", "jal_coupon"])))
            if rng.random() < 0.15:
                award = rng.choice([a.code for a in db.program.awards])
                redemption.redeem(db, at, number, award, 1, channel="direct")
        except errors.DeskError:
            pass  # a demo guest who cannot afford an award simply does not take it
    if rng.random() < 0.02:
        office.withdraw(db, replace(desk, business_date=today), number, "moved abroad (demo)")
