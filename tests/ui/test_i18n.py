"""English and Japanese: the catalogue is complete, and the real widgets
speak the language installed (ours and Qt's own buttons)."""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "harmony_desk_ja.ts"
_GONE = ("vanished", "obsolete")


def _load_tool():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_translations", module)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element, live entries only."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in _GONE:
                continue
            out[(name, message.findtext("source"))] = translation
    return out


def translated(translation: ET.Element) -> str:
    return "".join(translation.itertext()).strip()


# -- the catalogue ---------------------------------------------------------------

def test_catalogue_has_no_unfinished_or_empty_translation():
    entries = messages(TS)
    assert len(entries) > 300
    bad = [f"{ctx}: {src!r}" for (ctx, src), tr in entries.items()
           if tr.get("type") == "unfinished" or not translated(tr)]
    assert not bad, "unfinished or empty in harmony_desk_ja.ts:\n" + "\n".join(bad)


def test_every_string_the_gui_shows_is_translated(tmp_path):
    """A fresh lupdate over desk_app/ui finds no string that the committed
    catalogue lacks or leaves unfinished. When this fails: run
    `python tools/update_translations.py`, translate the new entries."""
    tool = _load_tool()
    fresh = tmp_path / "fresh_ja.ts"
    tool.update(fresh)
    found = set(messages(fresh))
    committed = {key for key, tr in messages(TS).items() if tr.get("type") != "unfinished" and translated(tr)}
    missing = sorted(found - committed)
    assert not missing, ("strings shown by the GUI but not translated in harmony_desk_ja.ts "
                         "(run python tools/update_translations.py and translate them):\n"
                         + "\n".join(f"{ctx}: {src!r}" for ctx, src in missing))
    # Helpers lupdate cannot follow on its own are in the catalogue too.
    contexts = {ctx for ctx, _ in found}
    assert {"Messages", "Formatting", "Models", "MainWindow", "MemberPage", "Program"} <= contexts


# lupdate names the context after `x` in `x.tr(...)`; at run time PySide6 uses
# the class of x. card_dialog.ask_save_path calls parent.tr(...): its two
# strings are in the catalogue under "parent" and never found at run time
# (fix there: QCoreApplication.translate("CardDialog", ...)).
KNOWN_WRONG_CONTEXTS: set[str] = set()


def test_every_context_is_one_the_desk_translates_in():
    """self.tr() in a class -> that class (PySide6 tries the class and its
    bases); translate("Ctx", ...) -> Ctx; program names -> Program."""
    import ast

    tool = _load_tool()
    known = {"Program"}
    for rel in tool.source_files(ROOT):
        text = (ROOT / rel).read_text(encoding="utf-8")
        tree = ast.parse(text)
        known |= {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
        known |= set(tool.helper_contexts(text).values())
        known |= {n.args[0].value for n in ast.walk(tree) if isinstance(n, ast.Call)
                  and isinstance(n.func, ast.Attribute) and n.func.attr == "translate" and n.args
                  and isinstance(n.args[0], ast.Constant) and isinstance(n.args[0].value, str)}
    contexts = {ctx for ctx, _ in messages(TS)}
    assert contexts - known <= KNOWN_WRONG_CONTEXTS, sorted(contexts - known)


def test_translations_keep_placeholders_and_accelerators():
    problems = []
    for (ctx, src), tr in messages(TS).items():
        text = translated(tr)
        marks = sorted(re.findall(r"%(?:\d+|[npvm])", src)), sorted(re.findall(r"%(?:\d+|[npvm])", text))
        if marks[0] != marks[1]:
            problems.append(f"placeholders {ctx}: {src!r} -> {text!r}")
        accel = re.search(r"&([^&\s])", src.replace("&&", ""))
        if accel:  # Japanese style: the same key after the text, "会員検索(&F)"
            if f"(&{accel.group(1).upper()})" not in text:
                problems.append(f"accelerator {ctx}: {src!r} -> {text!r}")
        elif "&" in text.replace("&&", ""):
            problems.append(f"stray accelerator {ctx}: {src!r} -> {text!r}")
        for key in re.findall(r"\b(?:Ctrl\+\w+|Alt\+\w+|F\d+|Esc|Enter)\b", src):
            if key not in text:
                problems.append(f"key name {key} {ctx}: {src!r} -> {text!r}")
    assert not problems, "\n".join(problems)


def test_japanese_uses_the_desk_vocabulary():
    entries = {src: translated(tr) for (_ctx, src), tr in messages(TS).items()}
    assert entries["&Find member"] == "会員検索(&F)"
    assert entries["Member no."] == "会員番号"
    assert entries["Simple registration"] == "簡易登録"
    assert entries["Full registration"] == "正式登録"
    assert entries["&Pay by Points…"].startswith("ポイント払い")
    assert entries["Re&deem award…"].startswith("特典交換")


# -- installing a language -------------------------------------------------------

def test_japanese_installs_qt_then_ours(qapp, language, tmp_path):
    from desk_app.ui import i18n

    installed = language("ja")
    assert [t.objectName() for t in installed] == ["harmonyDeskTranslator.qtbase",
                                                   "harmonyDeskTranslator.harmony_desk"]
    assert i18n.catalogue_file("ja").parent == tmp_path / "cache" / "i18n"
    assert qapp.translate("MainWindow", "&Find member") == "会員検索(&F)"
    assert qapp.translate("QPlatformTheme", "Cancel") == "キャンセル"
    # Installing again replaces, never stacks.
    language("ja")
    assert len(i18n.installed_translators(qapp)) == 2
    assert language("en") == []
    assert i18n.installed_translators(qapp) == []
    assert qapp.translate("MainWindow", "&Find member") == "&Find member"


def test_unknown_language_is_english(qapp, language):
    from desk_app.ui import i18n

    assert i18n.normalize("ja_JP") == "ja" and i18n.normalize("JA-jp") == "ja"
    assert i18n.normalize("fr") == "en" and i18n.normalize(None) == "en"
    assert language("klingon") == []


def test_cached_catalogue_is_compiled_again_only_when_the_ts_changes(qapp, language, tmp_path, monkeypatch):
    from desk_app.ui import i18n

    ts = tmp_path / "res" / "i18n" / "harmony_desk_ja.ts"
    ts.parent.mkdir(parents=True)
    ts.write_bytes(TS.read_bytes())
    monkeypatch.setattr(i18n, "resources_dir", lambda: tmp_path / "res")
    qm = i18n.catalogue_file("ja")
    assert qm.exists() and qm.stat().st_size > 1000
    first = qm.stat().st_mtime_ns
    assert i18n.catalogue_file("ja").stat().st_mtime_ns == first  # up to date: not compiled again
    later = qm.stat().st_mtime + 10
    os.utime(ts, (later, later))
    assert i18n.catalogue_file("ja").stat().st_mtime_ns != first


def test_frozen_desk_reads_the_bundled_catalogue(qapp, language, tmp_path, monkeypatch):
    from desk_app.ui import i18n

    bundle = tmp_path / "bundle"
    (bundle / "resources" / "i18n").mkdir(parents=True)
    i18n.compile_catalogue(TS, bundle / "resources" / "i18n" / "harmony_desk_ja.qm")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert i18n.catalogue_file("ja") == bundle / "resources" / "i18n" / "harmony_desk_ja.qm"
    assert not (tmp_path / "cache").exists()  # nothing compiled at run time
    language("ja")
    assert qapp.translate("Models", "Member no.") == "会員番号"


def test_a_missing_catalogue_leaves_the_desk_in_english(qapp, language, tmp_path, monkeypatch):
    from desk_app.ui import i18n

    monkeypatch.setattr(i18n, "resources_dir", lambda: tmp_path / "nowhere")
    installed = language("ja")
    assert [t.objectName() for t in installed] == ["harmonyDeskTranslator.qtbase"]
    assert qapp.translate("MainWindow", "&Find member") == "&Find member"


# -- real widgets ----------------------------------------------------------------

def _menu_titles(win) -> list[str]:
    return [a.text() for a in win.menuBar().actions() if a.isVisible()]


def test_main_window_and_member_page_in_japanese(qtbot, language, window_for, members):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from .conftest import open_member, wait_dialog

    language("ja")
    win = window_for("super")
    a = win.actions_by_name
    assert a["actionFind"].text() == "会員検索(&F)"
    assert a["actionRedeem"].text() == "特典交換(&D)…"
    assert a["actionFind"].shortcut().toString() == "F2"
    assert win.lookup_input.placeholderText() == "カードを読み取るか、会員番号・メール・電話番号・氏名を入力 (F2)"
    assert _menu_titles(win) == ["会員(&M)", "ポイント(&P)", "管理(&O)", "端末(&D)"]
    assert win.results_model.headerData(0, Qt.Orientation.Horizontal) == "会員番号"
    from desk_app.ui import formatting as fmt

    from .conftest import BUSINESS_DATE

    assert f"営業日 {fmt.day(BUSINESS_DATE)}" in win.status_label.text()
    assert "責任者" in win.status_label.text()

    open_member(qtbot, win, members["yamada"])
    page = win.member_page
    assert page.balance.text().endswith("ポイント")
    assert page.registration.text() == "正式登録"
    assert page.history_model.headerData(0, Qt.Orientation.Horizontal) == "日付"
    history = [page.history_model.data(page.history_model.index(r, 1)) for r in range(page.history_model.rowCount())]
    assert "宿泊" in history and "入会" in history

    win.actions_by_name["actionEnrol"].trigger()
    from desk_app.ui.dialogs.enrol_dialog import EnrolDialog

    dialog = wait_dialog(qtbot, win, EnrolDialog)
    assert dialog.windowTitle() == "新規入会（簡易登録）"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "キャンセル"  # qtbase_ja
    assert dialog.ok_button.text() == "入会登録"
    dialog.reject()


def test_refusals_read_in_japanese(language):
    from desk_app.domain.errors import DeskError
    from desk_app.ui import formatting as fmt, messages as msg

    english = {code: s for code, s in msg._sentences().items() if s}
    generic_en = msg.describe(RuntimeError("boom"))
    language("ja")
    japanese = {code: s for code, s in msg._sentences().items() if s}
    same = [code for code in english if japanese[code] == english[code]]
    assert not same, f"sentences not translated: {same}"
    assert msg.describe(DeskError("not enough", "insufficient_points")) == "ポイント残高が足りません。"
    assert msg.describe(RuntimeError("boom")) != generic_en
    assert fmt.status_text("active") == "有効" and fmt.role_text("supervisor") == "責任者"


def test_tier_and_award_names_from_the_program_file(language):
    from desk_app.services.database import load_program
    from desk_app.ui.i18n import program_text

    program = load_program("one_harmony")
    language("ja")
    assert [program_text(level.name) for level in program.tiers.levels] == ["ベーシック", "ロイヤル", "エクスクルーシブ"]
    awards = {a.code: program_text(a.name) for a in program.awards}
    assert awards["pay_by_points"].startswith("ポイント払い")
    assert awards["breakfast_adult"] == "朝食特典 大人"
    assert awards["upgrade_standard_superior"].startswith("客室アップグレード")
    language("en")
    assert program_text(program.tiers.levels[1].name) == "Loyal"


def test_english_again_after_japanese(qtbot, language, window_for, staff):
    from PySide6.QtWidgets import QDialogButtonBox

    from .conftest import wait_dialog

    language("ja")
    language("en")
    win = window_for("clerk1")
    assert win.actions_by_name["actionFind"].text() == "&Find member"
    assert win.lookup_input.placeholderText().startswith("Scan the card")
    assert _menu_titles(win)[0] == "&Member"
    win.actions_by_name["actionEnrol"].trigger()
    from desk_app.ui.dialogs.enrol_dialog import EnrolDialog

    dialog = wait_dialog(qtbot, win, EnrolDialog)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    dialog.reject()


# -- switching at the desk ----------------------------------------------------------

def test_language_menu_names_each_language_in_its_own_words(qtbot, language):
    from desk_app.ui.language_menu import LanguageMenu

    language("ja")
    menu = LanguageMenu()
    qtbot.addWidget(menu)
    assert menu.title() == "言語(&G)"
    assert [a.text() for a in menu.actions()] == ["English", "日本語"]
    assert menu.actions_by_code["ja"].isChecked() and not menu.actions_by_code["en"].isChecked()
    chosen = []
    menu.sig_language_chosen.connect(chosen.append)
    menu.actions_by_code["ja"].trigger()  # already the language: nothing to do
    menu.actions_by_code["en"].trigger()
    assert chosen == ["en"]


def _desk_with_window(qtbot, staff, login: str):
    from desk_app import config
    from desk_app.ui.app import DeskApp

    from .conftest import session_for

    settings = config.Settings(database_url=staff.url, property_code="TKO", terminal="FRONT-1")
    desk = DeskApp(settings)
    session = session_for(staff, login)
    desk.worker = session.worker
    with qtbot.waitSignal(desk.sig_window, timeout=5000):
        desk.open_window(session)
    qtbot.addWidget(desk.window)
    qtbot.waitActive(desk.window)
    return desk


def test_language_menu_rebuilds_the_window_and_remembers_the_choice(qtbot, language, staff, members):
    from desk_app import config
    from desk_app.services import clerks

    from .conftest import office, open_member

    desk = _desk_with_window(qtbot, staff, "clerk1")
    old = desk.window
    assert old.actions_by_name["actionFind"].text() == "&Find member"
    open_member(qtbot, old, members["yamada"])
    menu = old.language_menu
    assert [a.text() for a in menu.actions()] == ["English", "日本語"]
    with qtbot.waitSignal(desk.sig_window, timeout=5000):
        menu.actions_by_code["ja"].trigger()
    win = desk.window
    qtbot.addWidget(win)
    assert win is not old
    assert win.actions_by_name["actionFind"].text() == "会員検索(&F)"
    assert win.language_menu.actions_by_code["ja"].isChecked()
    qtbot.waitUntil(lambda: win.member is not None and win.member.member_number == members["yamada"])
    desk.worker.wait()
    assert {c.login: c.language for c in clerks.list_clerks(staff, office())}["clerk1"] == "ja"
    assert config.load().language == "ja"
    with qtbot.waitSignal(desk.sig_window, timeout=5000):
        win.language_menu.actions_by_code["en"].trigger()
    qtbot.addWidget(desk.window)
    assert desk.window.actions_by_name["actionFind"].text() == "&Find member"
    desk.worker.wait()


def test_a_clerk_who_reads_japanese_unlocks_the_desk(qtbot, language, staff):
    from desk_app.services import clerks
    from desk_app.ui.dialogs.sign_in_dialog import SignInDialog

    from .conftest import PASSWORD, confirm, office, wait_dialog

    clerks.set_language(staff, office("clerk", clerk="clerk1"), "ja")
    desk = _desk_with_window(qtbot, staff, "super")
    win = desk.window
    assert win.actions_by_name["actionFind"].text() == "&Find member"
    with qtbot.waitSignal(win.sig_signed_out):
        win.actionSignOut.trigger()
    dlg = wait_dialog(qtbot, win, SignInDialog)
    dlg.login.setText("clerk1")
    dlg.password.setFocus()
    qtbot.keyClicks(dlg.password, PASSWORD)
    with qtbot.waitSignal(desk.sig_window, timeout=5000):
        confirm(qtbot, dlg, dlg.password)
    qtbot.addWidget(desk.window)
    assert desk.window.session.clerk.login == "clerk1"
    assert desk.window.actions_by_name["actionFind"].text() == "会員検索(&F)"
    desk.worker.wait()


def test_tier_and_award_names_on_screen_in_japanese(qtbot, language, window_for, members):
    from PySide6.QtCore import Qt

    from desk_app.ui.dialogs.redeem_dialog import RedeemDialog

    from .conftest import open_member, wait_dialog

    language("ja")
    win = window_for("clerk1")
    open_member(qtbot, win, members["yamada"])
    tiers = {"ベーシック", "ロイヤル", "エクスクルーシブ"}
    assert win.member_page.tier.text() in tiers
    tier_column = [c for c in range(win.results_model.columnCount())
                   if win.results_model.headerData(c, Qt.Orientation.Horizontal) == "ステータス"][0]
    assert win.results_model.data(win.results_model.index(0, tier_column)) in tiers
    win.actions_by_name["actionRedeem"].trigger()
    dialog = wait_dialog(qtbot, win, RedeemDialog)
    names = [dialog.model.data(dialog.model.index(r, 0)) for r in range(dialog.model.rowCount())]
    assert names and all(not n.startswith(("Stay Award", "Room Upgrade", "Breakfast")) for n in names)
    dialog.reject()


def test_toolbar_and_tooltips_show_no_bracketed_accelerator(language, window_for):
    language("ja")
    win = window_for("clerk1")
    post = win.actions_by_name["actionPostStay"]
    assert post.text() == "宿泊ポイント付与(&S)…"
    assert post.iconText() == "F6 宿泊ポイント付与"   # the key on the button, as on a POS
    assert post.toolTip() == "宿泊ポイント付与 (F6)"
    assert win.actions_by_name["actionFind"].iconText() == "F2 会員検索"


def test_every_refusal_has_a_sentence_in_japanese(language):
    """Codes whose English sentence is the service's own message still get a
    Japanese one on a Japanese desk; English desks keep the service's detail."""
    from desk_app.domain import errors
    from desk_app.ui import messages

    codes = {getattr(errors, name).code for name in dir(errors)
             if isinstance(getattr(errors, name), type) and issubclass(getattr(errors, name), errors.DeskError)}
    detail = "No member has the number '8000000006'."
    assert messages.describe(errors.MemberNotFound(detail)) == detail
    language("ja")
    for code in sorted(codes - {"internal"}):
        sentence = messages.describe(errors.DeskError("An English detail from the service.", code))
        assert sentence != "An English detail from the service." and not sentence.isascii(), code
    assert messages.describe(errors.MemberNotFound(detail)).startswith("この番号の会員は見つかりません")


def test_an_omo_merge_refusal_says_why_not_ask_a_supervisor(language):
    """docs/program-rules.md 1 and 8 (OMO 5, 11.4): the merge refusal is
    not_permitted for every role, so the desk does not tell a supervisor to
    ask a supervisor."""
    from desk_app.domain import errors
    from desk_app.ui import messages

    refusal = errors.MergeNotAllowed("OMO Points accounts are never merged.")
    assert refusal.code == "not_permitted"
    assert messages.describe(refusal) == ("This program's accounts are never merged: each account's points stand "
                                          "alone.")
    language("ja")
    assert messages.describe(refusal).startswith("このプログラムのアカウントは統合できません")
