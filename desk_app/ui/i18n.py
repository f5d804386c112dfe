"""The clerk's language: English (the source strings) or Japanese.

install_language(app, "ja") loads Qt's own Japanese catalogue first
(qtbase_ja: OK/Cancel buttons, the line-edit context menu, file and print
dialogs) and then ours, resources/i18n/harmony_desk_ja, which is searched
first. install_language(app, "en") removes both. Call it before building a
window: widgets take their texts when they are built, so switching the
language means building the main window again.

Where our .qm comes from:

- frozen (PyInstaller sets sys._MEIPASS): resources/i18n/*.qm in the bundle,
  compiled by desk_app/build.py before PyInstaller runs;
- from a checkout (`pip install -e . && desk-app`): the committed .ts is
  compiled with the pyside6-lrelease that ships in PySide6-Essentials into
  the user cache folder, again whenever the .ts is newer than the cached
  .qm. No .qm is committed.

A missing or broken catalogue never stops the desk: it logs a warning and
the desk carries on in English.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .. import paths
from ..paths import resources_dir

log = logging.getLogger(__name__)

CATALOGUE = "harmony_desk"
SOURCE_LANGUAGE = "en"
# Each language in its own words: that is how a clerk finds theirs in a menu.
LANGUAGES = {"en": "English", "ja": "日本語"}
PROGRAM_CONTEXT = "Program"  # tier and award names from the program files
_QT_CATALOGUES = ("qtbase",)
_TRANSLATOR_NAME = "harmonyDeskTranslator"
_LANGUAGE_PROPERTY = "harmonyDeskLanguage"


def normalize(lang: str | None) -> str:
    """'ja', 'ja_JP', 'JA-jp' -> 'ja'; anything unknown -> 'en'."""
    code = (lang or "").replace("-", "_").split("_")[0].strip().lower()
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def program_text(name: str) -> str:
    """A tier or award name from the program file, in the clerk's language
    (tools/update_translations.py puts these names into the catalogue)."""
    return QCoreApplication.translate(PROGRAM_CONTEXT, name) if name else name


def frozen() -> bool:
    return bool(getattr(sys, "_MEIPASS", None))


def catalogue_source(lang: str) -> Path:
    """The committed .ts for a language."""
    return resources_dir() / "i18n" / f"{CATALOGUE}_{lang}.ts"


def cache_dir() -> Path:
    return paths.cache_dir() / "i18n"


def compile_catalogue(ts: Path, qm: Path) -> Path:
    """.ts -> .qm with pyside6-lrelease (as desk_app/build.py does), written
    atomically so two desks starting at once never read half a file."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=qm.stem + ".", suffix=".qm", dir=qm.parent)
    os.close(fd)
    code = ("import sys; from PySide6.scripts.pyside_tool import lrelease; "
            "sys.argv = ['pyside6-lrelease', sys.argv[1], '-qm', sys.argv[2]]; lrelease()")
    try:
        done = subprocess.run([sys.executable, "-c", code, str(ts), tmp], capture_output=True, text=True,
                              timeout=120, creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        if done.returncode != 0 or not os.path.getsize(tmp):
            raise RuntimeError(f"pyside6-lrelease failed on {ts}: {done.stdout}{done.stderr}".strip())
        os.replace(tmp, qm)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return qm


def catalogue_file(lang: str) -> Path | None:
    """Our compiled catalogue for `lang`, or None (the desk stays in English)."""
    if frozen():
        qm = resources_dir() / "i18n" / f"{CATALOGUE}_{lang}.qm"
        return qm if qm.exists() else None
    ts = catalogue_source(lang)
    if not ts.exists():
        return None
    qm = cache_dir() / f"{CATALOGUE}_{lang}.qm"
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        compile_catalogue(ts, qm)
    return qm


def qt_translations_dirs() -> list[Path]:
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    if frozen():  # the bundle keeps PySide6's layout; in case qt.conf points elsewhere
        dirs.append(Path(sys._MEIPASS) / "PySide6" / "Qt" / "translations")
    return dirs


def installed_translators(app: QCoreApplication) -> list[QTranslator]:
    return [t for t in app.findChildren(QTranslator) if t.objectName().startswith(_TRANSLATOR_NAME)]


def remove_translators(app: QCoreApplication) -> None:
    for translator in installed_translators(app):
        app.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()


def _install(app: QCoreApplication, path: Path, name: str) -> QTranslator | None:
    translator = QTranslator(app)
    translator.setObjectName(f"{_TRANSLATOR_NAME}.{name}")
    if translator.load(str(path)) and app.installTranslator(translator):
        return translator
    translator.setParent(None)
    translator.deleteLater()
    log.warning("translation catalogue %s could not be loaded", path)
    return None


def _format_in(lang: str) -> None:
    """Dates, yen and phones follow the language too."""
    from . import formatting

    formatting.set_language(lang)


def current_language(app: QCoreApplication | None = None) -> str:
    """The language install_language made current ('en' before any call)."""
    app = app or QCoreApplication.instance()
    value = app.property(_LANGUAGE_PROPERTY) if app is not None else None
    return normalize(value) if value else SOURCE_LANGUAGE


def install_language(app: QCoreApplication, lang: str | None) -> list[QTranslator]:
    """Make `lang` the language of every text built from now on; returns the
    translators installed (none for English)."""
    lang = normalize(lang)
    remove_translators(app)
    app.setProperty(_LANGUAGE_PROPERTY, lang)
    _format_in(lang)
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan) if lang == "ja"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    installed: list[QTranslator] = []
    if lang == SOURCE_LANGUAGE:
        return installed
    # Qt's own first: the one installed last is searched first, and that is ours.
    for name in _QT_CATALOGUES:
        path = next((d / f"{name}_{lang}.qm" for d in qt_translations_dirs() if (d / f"{name}_{lang}.qm").exists()),
                    None)
        if path is None:
            log.warning("Qt's %s_%s.qm is not installed; Qt's own buttons stay in English", name, lang)
            continue
        translator = _install(app, path, name)
        if translator is not None:
            installed.append(translator)
    try:
        ours = catalogue_file(lang)
    except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
        log.warning("the %s catalogue could not be compiled: %s", lang, exc)
        ours = None
    if ours is None:
        log.warning("no %s catalogue for Harmony Desk; the desk's own texts stay in English", lang)
    else:
        translator = _install(app, ours, CATALOGUE)
        if translator is not None:
            installed.append(translator)
    return installed
