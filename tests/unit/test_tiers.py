"""Status tiers: docs/program-rules.md section 6, with its examples."""

from datetime import date

import pytest

from desk_app.domain import tiers

D = date.fromisoformat


@pytest.mark.parametrize("points,nights,tier", [
    (4_999, 9, "basic"), (5_000, 0, "loyal"), (0, 10, "loyal"), (14_999, 29, "loyal"),
    (15_000, 0, "exclusive"), (0, 30, "exclusive"), (4_000, 30, "exclusive"),
])
def test_thresholds_points_or_nights(oh, points, nights, tier):
    assert tiers.reached(oh.tiers, points, nights).code == tier


def test_status_earned_in_year_valid_april_to_march_after(oh):
    assert tiers.status_window(oh.tiers, 2025) == (D("2026-04-01"), D("2027-03-31"))


def test_carry_over_examples(oh):
    assert tiers.carry_over(oh.tiers, 5_800, 0) == (800, 0)      # 5,800 points -> Loyal, starts with 800
    assert tiers.carry_over(oh.tiers, 0, 38) == (0, 8)           # 38 nights -> Exclusive, starts with 8
    assert tiers.carry_over(oh.tiers, 4_900, 9) == (0, 0)        # no tier reached, nothing carried
    assert tiers.carry_over(oh.tiers, 6_000, 31) == (0, 1)       # Exclusive by nights: points below 15,000


def test_year_figures_start_with_the_carry_over(oh):
    fig = tiers.year_figures(oh.tiers, {2025: (5_800, 4), 2026: (300, 2)}, 2026)
    assert (fig.carry_points, fig.carry_nights, fig.points, fig.nights) == (800, 0, 1_100, 2)


def test_carry_over_chains_across_years(oh):
    # 2024: 16,000 -> Exclusive, carry 1,000; 2025: 1,000 + 4,500 = 5,500 -> Loyal, carry 500.
    fig = tiers.year_figures(oh.tiers, {2024: (16_000, 0), 2025: (4_500, 0)}, 2026)
    assert (fig.carry_points, fig.points) == (500, 500)


def test_mid_year_promotion_example(oh):
    # 10 nights reached on 2026-02-11 gives Loyal from 2026-03-01 to 2028-03-31.
    fig = tiers.YearFigures(2026, 0, 0, 0, 10)
    status = tiers.promotion(oh.tiers, fig, [], D("2026-02-11"))
    assert (status.tier, status.valid_from, status.valid_until) == ("loyal", D("2026-03-01"), D("2028-03-31"))


def test_promotion_in_december_starts_january(oh):
    status = tiers.promotion(oh.tiers, tiers.YearFigures(2026, 0, 0, 15_000, 0), [], D("2026-12-15"))
    assert (status.tier, status.valid_from, status.valid_until) == ("exclusive", D("2027-01-01"), D("2028-03-31"))


def test_no_second_promotion_for_the_same_tier(oh):
    held = [tiers.Status("loyal", D("2026-03-01"), D("2028-03-31"), 2026, "promotion")]
    assert tiers.promotion(oh.tiers, tiers.YearFigures(2026, 0, 0, 5_500, 12), held, D("2026-05-01")) is None
    up = tiers.promotion(oh.tiers, tiers.YearFigures(2026, 0, 0, 15_500, 12), held, D("2026-05-01"))
    assert up.tier == "exclusive"


def test_promotion_can_be_switched_off(omo, oh):
    from dataclasses import replace

    off = replace(oh.tiers, mid_year_promotion=False)
    assert tiers.promotion(off, tiers.YearFigures(2026, 0, 0, 0, 10), [], D("2026-02-11")) is None


def test_tier_on_a_date_is_the_highest_covering(oh):
    held = [tiers.Status("exclusive", D("2025-04-01"), D("2026-03-31"), 2024, "evaluation"),
            tiers.Status("loyal", D("2026-04-01"), D("2027-03-31"), 2025, "evaluation")]
    assert tiers.tier_on(oh.tiers, held, D("2026-03-31"))[0].code == "exclusive"
    assert tiers.tier_on(oh.tiers, held, D("2026-04-01")) == (oh.tiers.level("loyal"), D("2027-03-31"))
    assert tiers.tier_on(oh.tiers, held, D("2027-04-01"))[0].code == "basic"


def test_year_end_status(oh):
    status = tiers.year_end_status(oh.tiers, tiers.YearFigures(2025, 0, 0, 5_800, 0), [])
    assert (status.tier, status.valid_from, status.valid_until) == ("loyal", D("2026-04-01"), D("2027-03-31"))


def test_progress_to_next_tier(oh):
    nxt, progress = tiers.progress_to_next(oh.tiers, tiers.YearFigures(2026, 0, 0, 2_500, 4))
    assert nxt.code == "loyal" and progress == 0.5


def test_omo_has_no_tiers(omo):
    assert [l.code for l in omo.tiers.levels] == ["basic"]
    assert tiers.reached(omo.tiers, 10**6, 1000).code == "basic"
    assert omo.tiers.levels[0].bonus_percent == 0


def test_a_cancelled_status_counts_until_the_day_before(oh):
    loyal = tiers.Status("loyal", D("2026-03-01"), D("2028-03-31"), 2026, "promotion", cancelled_on=D("2026-03-20"))
    assert tiers.tier_on(oh.tiers, [loyal], D("2026-03-19"))[0].code == "loyal"
    assert tiers.tier_on(oh.tiers, [loyal], D("2026-03-20")) == (oh.tiers.base, None)
    # Reaching the tier again promotes again: the cancelled status is not "held".
    fig = tiers.year_figures(oh.tiers, {2026: (0, 10)}, 2026)
    again = tiers.promotion(oh.tiers, fig, [loyal], D("2026-04-06"))
    assert (again.tier, again.valid_from, again.valid_until) == ("loyal", D("2026-05-01"), D("2028-03-31"))


def test_which_statuses_a_reversal_cancels(oh):
    promo = tiers.Status("loyal", D("2026-03-01"), D("2028-03-31"), 2026, "promotion")
    assert tiers.no_longer_reached(oh.tiers, promo, {2026: (4_999, 9)}, D("2026-03-20"))
    assert not tiers.no_longer_reached(oh.tiers, promo, {2026: (0, 10)}, D("2026-03-20"))
    # Carried-over figures still count toward the year.
    assert not tiers.no_longer_reached(oh.tiers, promo, {2025: (5_800, 0), 2026: (4_200, 0)}, D("2026-03-20"))
    # A year-end status rests on figures too; a merged-in one on another number's.
    year_end = tiers.Status("exclusive", D("2027-04-01"), D("2028-03-31"), 2026, "evaluation")
    assert tiers.no_longer_reached(oh.tiers, year_end, {2026: (14_999, 29)}, D("2027-01-10"))
    merged = tiers.Status("exclusive", D("2027-04-01"), D("2028-03-31"), 2026, "merge")
    assert not tiers.no_longer_reached(oh.tiers, merged, {}, D("2027-01-10"))
    # A status that has run its course, or one already cancelled, is left alone.
    assert not tiers.no_longer_reached(oh.tiers, promo, {}, D("2028-04-01"))
    assert not tiers.no_longer_reached(oh.tiers, tiers.Status("loyal", D("2026-03-01"), D("2028-03-31"), 2026,
                                                              "promotion", D("2026-03-05")), {}, D("2026-03-20"))
