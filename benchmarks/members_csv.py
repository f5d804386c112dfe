"""Write a CSV file of fictional members for `desk-admin import-members`:
the benchmarks' large databases are built from it, through the import.

    python benchmarks/members_csv.py OUT.csv MEMBERS [--seed S] [--business-date YYYY-MM-DD]

Each member has the program's usual data: a Japanese (85 %) or foreign
name, a unique e-mail address, three in four a full registration with a
mobile phone and an address, two open point lots and a year of stay
credits (one to six stays)."""

from __future__ import annotations

import argparse
import csv
import random
from datetime import date, timedelta
from pathlib import Path

from desk_app.services.demo import CITIES, FAMILY, FOREIGN, GIVEN

COLUMNS = ("member_number", "family_name", "given_name", "family_name_kana", "given_name_kana", "email", "phone",
           "postal_code", "address", "country", "birth_date", "enrolled_on", "enrolled_at", "registration",
           "preferred_language", "lots", "credits")
HOTELS = ("TKO", "OSA")


def rows(members: int, seed: int = 1, business_date: date = date(2026, 11, 22)):
    rng = random.Random(seed)
    this_year = business_date.year
    for i in range(members):
        enrolled = business_date - timedelta(days=rng.randint(700, 6 * 365))
        if rng.random() < 0.85:
            (_, fam_k, fam), (_, giv_k, giv) = rng.choice(FAMILY), rng.choice(GIVEN)
            ascii_fam, ascii_giv = fam, giv
            lang = "ja"
        else:
            (fam, giv), fam_k, giv_k = rng.choice(FOREIGN), "", ""
            ascii_fam, ascii_giv = fam, giv
            lang = "en"
        email = f"{ascii_giv.lower()}.{ascii_fam.lower()}.{i}@example.{rng.choice(('jp', 'com', 'net'))}".replace("ü", "ue")
        full = rng.random() < 0.75
        postal, address = rng.choice(CITIES) if full else ("", "")
        phone = f"090-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}" if full else ""
        birth = date(rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28))
        # Two open lots: last year's and this year's (both still open on the business date).
        lots = [f"{date(this_year - 1, rng.randint(1, 12), rng.randint(1, 28))}:{rng.randint(1, 60) * 50}",
                f"{date(this_year, rng.randint(1, business_date.month), rng.randint(1, 28)).isoformat()}:"
                f"{rng.randint(1, 60) * 50}"]
        lots = [l for l in lots if date.fromisoformat(l.split(":")[0]) <= business_date]
        credits = []
        for _ in range(rng.randint(1, 6)):
            day = business_date - timedelta(days=rng.randint(1, 365))
            nights = rng.choice((1, 1, 2, 2, 3, 4))
            credits.append(f"{day}:{nights * rng.choice((18000, 24000, 32000)) // 100}:{nights}")
        yield ("", fam, giv, fam_k, giv_k, email, phone, postal, address, "JP" if full else "",
               birth.isoformat(), enrolled.isoformat(), rng.choice(HOTELS), "full" if full else "simple", lang,
               ";".join(lots), ";".join(credits))


def write_csv(path, members: int, seed: int = 1, business_date: date = date(2026, 11, 22)) -> Path:
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        w.writerows(rows(members, seed, business_date))
    return path


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("members", type=int)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--business-date", type=date.fromisoformat, default=date(2026, 11, 22))
    a = p.parse_args()
    write_csv(a.out, a.members, a.seed, a.business_date)


if __name__ == "__main__":
    main()
