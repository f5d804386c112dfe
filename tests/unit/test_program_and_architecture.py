"""The program files hold the figures; the core stays free of Qt."""

import ast
from pathlib import Path

import pytest

import desk_app
from desk_app.domain import errors

PKG = Path(desk_app.__file__).parent


def test_one_harmony_file(oh):
    assert [p.code for p in oh.properties][:2] == ["TKO", "OSA"]
    assert oh.earning.rates["accommodation"].points == 20 and oh.earning.rates["fnb"].points == 10
    assert oh.earning.claim_window_months == 6 and oh.age_of_majority == 18
    assert {a.code: a.points for a in oh.awards} == {
        "pay_by_points": 400, "stay_standard": 10_000, "stay_superior": 15_000,
        "upgrade_standard_superior": 1_000, "upgrade_superior_deluxe": 4_000,
        "breakfast_adult": 2_000, "breakfast_child": 1_100,
    }
    assert oh.award("pay_by_points").yen_value == 500
    assert [(l.min_points, l.min_nights) for l in oh.tiers.levels[1:]] == [(5_000, 10), (15_000, 30)]


def test_omo_file(omo):
    assert {a.code: a.points for a in omo.awards} == {"accommodation_ticket": 1_000}
    assert omo.expiry_kind == "month_end_after_years"


def test_unknown_codes_refused(oh):
    with pytest.raises(errors.UnknownProperty):
        oh.property("XXX")
    with pytest.raises(errors.UnknownAward):
        oh.award("spa_day")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add(("." * node.level) + (node.module or ""))
    return found


@pytest.mark.parametrize("layer", ["domain", "db", "services"])
def test_core_never_imports_qt(layer):
    for path in (PKG / layer).rglob("*.py"):
        assert not any(i.startswith("PySide6") for i in _imports(path)), path


def test_domain_imports_nothing_of_ours_but_itself():
    for path in (PKG / "domain").glob("*.py"):
        for name in _imports(path):
            assert not name.startswith("..") and not name.startswith("desk_app"), (path, name)
