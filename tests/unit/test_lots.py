"""Point validity and oldest-first spending: docs/program-rules.md 4, 5 and 8."""

from datetime import date

import pytest

from desk_app.domain import errors, lots

D = date.fromisoformat


@pytest.mark.parametrize("earned,expires", [
    ("2019-03-01", "2022-01-31"),  # the documents' own example
    ("2019-12-31", "2022-01-31"),
    ("2020-01-01", "2023-01-31"),
])
def test_one_harmony_expiry(oh, earned, expires):
    assert lots.expiry_date(oh.expiry_kind, oh.expiry_years, D(earned)) == D(expires)


@pytest.mark.parametrize("earned,expires", [
    ("2026-11-22", "2029-11-30"),  # the rules' example
    ("2024-02-29", "2027-02-28"),
    ("2026-01-31", "2029-01-31"),
])
def test_omo_expiry_to_month_end_three_years_on(omo, earned, expires):
    assert lots.expiry_date(omo.expiry_kind, omo.expiry_years, D(earned)) == D(expires)


def lot(i, expires, remaining, earned="2020-01-01"):
    return lots.Lot(i, D(earned), D(expires), remaining)


def test_oldest_points_used_first():
    held = [lot("b", "2028-01-31", 500), lot("a", "2027-01-31", 300), lot("c", "2029-01-31", 900)]
    assert lots.allocate(held, 1000, D("2026-11-22")) == [("a", 300), ("b", 500), ("c", 200)]


def test_expired_lots_never_count_or_spend_even_before_batch():
    held = [lot("old", "2026-01-31", 700), lot("new", "2029-01-31", 200)]
    on = D("2026-02-01")
    assert lots.balance(held, on) == 200
    with pytest.raises(errors.InsufficientPoints):
        lots.allocate(held, 300, on)
    assert [l.id for l in lots.expired_lots(held, on)] == ["old"]


def test_usable_through_the_expiry_date_itself():
    held = [lot("x", "2026-01-31", 700)]
    assert lots.balance(held, D("2026-01-31")) == 700


def test_insufficient_points_changes_nothing():
    held = [lot("x", "2029-01-31", 100)]
    with pytest.raises(errors.InsufficientPoints):
        lots.allocate(held, 101, D("2026-11-22"))
    assert held[0].remaining == 100


@pytest.mark.parametrize("bad", [0, -5])
def test_spend_must_be_positive(bad):
    with pytest.raises(errors.InvalidAmount):
        lots.allocate([lot("x", "2029-01-31", 100)], bad, D("2026-11-22"))
