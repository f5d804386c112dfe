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

# (kanji, katakana, romaji): common Japanese family and given names, written
# as the guests write them, with their readings (so the desk's Japanese
# display, kana search and the card's romaji all show in the demo).
FAMILY = [("佐藤", "サトウ", "Sato"), ("鈴木", "スズキ", "Suzuki"), ("高橋", "タカハシ", "Takahashi"),
          ("田中", "タナカ", "Tanaka"), ("渡辺", "ワタナベ", "Watanabe"), ("伊藤", "イトウ", "Ito"),
          ("山本", "ヤマモト", "Yamamoto"), ("中村", "ナカムラ", "Nakamura"), ("小林", "コバヤシ", "Kobayashi"),
          ("加藤", "カトウ", "Kato"), ("吉田", "ヨシダ", "Yoshida"), ("山田", "ヤマダ", "Yamada"),
          ("佐々木", "ササキ", "Sasaki"), ("山口", "ヤマグチ", "Yamaguchi"), ("松本", "マツモト", "Matsumoto"),
          ("井上", "イノウエ", "Inoue"), ("木村", "キムラ", "Kimura"), ("林", "ハヤシ", "Hayashi"),
          ("清水", "シミズ", "Shimizu"), ("森", "モリ", "Mori"), ("池田", "イケダ", "Ikeda"),
          ("橋本", "ハシモト", "Hashimoto"), ("石川", "イシカワ", "Ishikawa"), ("小川", "オガワ", "Ogawa")]
GIVEN = [("花", "ハナ", "Hana"), ("太郎", "タロウ", "Taro"), ("結衣", "ユイ", "Yui"), ("陽翔", "ハルト", "Haruto"),
         ("葵", "アオイ", "Aoi"), ("颯太", "ソウタ", "Sota"), ("芽依", "メイ", "Mei"), ("蓮", "レン", "Ren"),
         ("さくら", "サクラ", "Sakura"), ("悠斗", "ユウト", "Yuto"), ("凛", "リン", "Rin"), ("健二", "ケンジ", "Kenji"),
         ("恵美", "エミ", "Emi"), ("博", "ヒロシ", "Hiroshi"), ("直子", "ナオコ", "Naoko"), ("拓海", "タクミ", "Takumi"),
         ("洋子", "ヨウコ", "Yoko"), ("大輝", "ダイキ", "Daiki"), ("美桜", "ミオ", "Mio"), ("海斗", "カイト", "Kaito")]
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
    fam_r = giv_r = None
    if rng.random() < 0.85:
        (fam, fam_k, fam_r), (giv, giv_k, giv_r) = rng.choice(FAMILY), rng.choice(GIVEN)
        country = "JP"
        if i % 10 == 9:   # some Japanese guests write their name in Latin letters
            fam, giv, fam_r, giv_r = fam_r, giv_r, None, None
    else:
        (fam, giv), fam_k, giv_k = rng.choice(FOREIGN), None, None
        country = rng.choice(["US", "GB", "DE", "SG"])
    local = f"{(giv_r or giv).lower()}.{(fam_r or fam).lower()}"
    email = f"{local}.{i}.{rng.randint(100, 999)}@example.{rng.choice(['jp', 'com', 'net'])}"
    email = email.replace("ü", "ue")
    # Adults on the day they join (19 to 76 years old): a demo never makes
    # a minor, who would need a guardian's consent.
    birth = date(enrolled.year - rng.randint(19, 76), rng.randint(1, 12), rng.randint(1, 28))
    member = registration.register(db, d, registration.Enrolment(
        fam, giv, email, fam_k, giv_k, birth_date=birth, preferred_language="ja" if country == "JP" else "en",
        family_roman=fam_r, given_roman=giv_r))
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
