"""Refresh the desk's translation catalogue from the GUI's source:

    python tools/update_translations.py            # resources/i18n/harmony_desk_ja.ts
    python tools/update_translations.py --list     # the files scanned, nothing written

Runs the pyside6-lupdate that ships in PySide6-Essentials over every .py
file under desk_app/ui/ (and the names in resources/programs/*.json, see
below). New strings arrive marked unfinished; translate
them (Qt Linguist: `pyside6-linguist resources/i18n/harmony_desk_ja.ts`, or
any editor) and remove `type="unfinished"`. tests/ui/test_i18n.py fails
while any string the GUI shows is missing or unfinished. Strings that
disappeared from the source are dropped (-no-obsolete); lupdate still
offers their old translation to a new, similar string first.

The .ts is committed; the .qm is not (.gitignore): desk_app/build.py
compiles it for the bundle and desk_app/ui/i18n.py compiles it into the
user cache when run from a checkout.

One thing lupdate's Python parser cannot see: a module-level helper such as

    def _t(text):
        return QCoreApplication.translate("Formatting", text)

called as _t("Active"). The context is not at the call and the text is not
at the translate() call, so lupdate finds neither. For each file that
defines such a helper (context as a string literal, or a module-level name
bound to one), the files are copied to a temporary mirror of the tree where
each `_t("...")` becomes `QCoreApplication.translate("<context>", "...")`
on the same line, and lupdate runs there; file names and line numbers in
the catalogue stay those of the real source.

Names that come from the program files are data, not code, but a clerk
reads them: tier names (Loyal -> ロイヤル) and award names. They go into
the catalogue under the context "Program" (desk_app.ui.i18n.program_text
looks them up): in the mirror, each program file's line that holds such a
name becomes QT_TRANSLATE_NOOP("Program", "<name>"), which lupdate reads
with its C++ parser, so the catalogue points at the real file and line.
Hotel and program names are brand names and stay as they are.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = "desk_app/ui"
PROGRAM_DIR = "resources/programs"
PROGRAM_CONTEXT = "Program"
CATALOGUE_DIR = "resources/i18n"
LANGUAGES = {"ja": "ja_JP"}  # English is the source language: no catalogue
CATALOGUE = "harmony_desk_{lang}.ts"


def catalogue_path(lang: str = "ja", root: Path = ROOT) -> Path:
    return root / CATALOGUE_DIR / CATALOGUE.format(lang=lang)


def source_files(root: Path = ROOT) -> list[Path]:
    """Every Python file of the GUI, relative to root, in a stable order."""
    return sorted(p.relative_to(root) for p in (root / SOURCE_DIR).rglob("*.py")
                  if "__pycache__" not in p.parts)


def program_files(root: Path = ROOT) -> list[Path]:
    return sorted(p.relative_to(root) for p in (root / PROGRAM_DIR).glob("*.json"))


def program_names(data: dict) -> list[str]:
    """The names in a program file that a clerk reads: tiers and awards."""
    names = [level["name"] for level in data.get("tiers", {}).get("levels", [])]
    names += [award["name"] for award in data.get("awards", [])]
    return [n for n in names if n]


_NAME_LINE = re.compile(r'"name"\s*:\s*("(?:[^"\\]|\\.)*")')


def _c_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def program_source(text: str) -> str:
    """A program file as lupdate should see it: the same lines, each wanted
    name as QT_TRANSLATE_NOOP("Program", ...), everything else blank."""
    wanted = set(program_names(json.loads(text)))
    seen = set()
    out = []
    for line in text.splitlines():
        match = _NAME_LINE.search(line)
        name = json.loads(match.group(1)) if match else None
        if name in wanted and name not in seen:
            seen.add(name)
            out.append(f"QT_TRANSLATE_NOOP({_c_string(PROGRAM_CONTEXT)}, {_c_string(name)});")
        else:
            out.append("")
    out += [f"QT_TRANSLATE_NOOP({_c_string(PROGRAM_CONTEXT)}, {_c_string(n)});" for n in sorted(wanted - seen)]
    return "\n".join(out) + "\n"


# -- helpers lupdate cannot follow -----------------------------------------------

def _literal_str(node: ast.AST, names: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    return None


def helper_contexts(text: str) -> dict[str, str]:
    """{helper name: context} for module-level one-line translate helpers."""
    tree = ast.parse(text)
    names = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
             and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
             for t in n.targets if isinstance(t, ast.Name)}
    found = {}
    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef) or len(fn.args.args) != 1:
            continue
        body = [s for s in fn.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
        if len(body) != 1 or not isinstance(body[0], ast.Return) or not isinstance(body[0].value, ast.Call):
            continue
        call = body[0].value
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr == "translate" and len(call.args) >= 2):
            continue
        context = _literal_str(call.args[0], names)
        arg = call.args[1]
        if context is not None and isinstance(arg, ast.Name) and arg.id == fn.args.args[0].arg:
            found[fn.name] = context
    return found


def rewrite_helpers(text: str) -> str:
    """_t("x") -> QCoreApplication.translate("Ctx", "x"), on the same line."""
    for name, context in helper_contexts(text).items():
        call = re.compile(rf"(?<![\w.])(?<!def ){re.escape(name)}\(")
        text = call.sub(f'QCoreApplication.translate("{context}", ', text)
    return text


# -- lupdate ---------------------------------------------------------------------

def _run_tool(tool: str, args: list[str], cwd: Path | None = None) -> str:
    """pyside6-lupdate / pyside6-lrelease from the running interpreter's PySide6."""
    code = (f"import sys; from PySide6.scripts.pyside_tool import {tool}; "
            f"sys.argv = ['pyside6-{tool}'] + sys.argv[1:]; {tool}()")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd)
    if done.returncode != 0:
        raise RuntimeError(f"pyside6-{tool} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout + done.stderr


def update(ts: Path | None = None, lang: str = "ja", root: Path = ROOT, *, obsolete: bool = False) -> str:
    """Create or refresh the catalogue `ts` (by default the committed one);
    returns lupdate's report. An existing catalogue keeps its translations."""
    ts = Path(ts) if ts is not None else catalogue_path(lang, root)
    files = source_files(root)
    programs = program_files(root)
    with tempfile.TemporaryDirectory(prefix="desk-lupdate-") as tmp:
        mirror = Path(tmp)
        for rel in files + programs:
            dest = mirror / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            text = (root / rel).read_text(encoding="utf-8")
            dest.write_text(program_source(text) if rel.suffix == ".json" else rewrite_helpers(text),
                            encoding="utf-8")
        files = files + programs
        # The catalogue sits where the real one does, so its relative locations are the real ones.
        target = mirror / CATALOGUE_DIR / CATALOGUE.format(lang=lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        if ts.exists():
            shutil.copyfile(ts, target)
        listing = mirror / "files.lst"
        listing.write_text("\n".join(rel.as_posix() for rel in files) + "\n", encoding="utf-8")
        args = ["-extensions", "py", "-locations", "relative", "-source-language", "en",
                "-target-language", LANGUAGES[lang], f"@{listing}", "-ts", str(target)]
        if not obsolete:
            args.insert(0, "-no-obsolete")
        report = _run_tool("lupdate", args, cwd=mirror)
        ts.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, ts)
    return report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python tools/update_translations.py", description=__doc__.splitlines()[0])
    p.add_argument("--lang", default="ja", choices=sorted(LANGUAGES), help="catalogue to refresh (default ja)")
    p.add_argument("--ts", type=Path, help="write this .ts instead of the committed catalogue")
    p.add_argument("--keep-obsolete", action="store_true", help="keep vanished strings in the catalogue")
    p.add_argument("--list", action="store_true", help="print the scanned files and helper contexts, write nothing")
    args = p.parse_args(argv)
    if args.list:
        for rel in source_files():
            helpers = helper_contexts((ROOT / rel).read_text(encoding="utf-8"))
            print(rel.as_posix(), " ".join(f"{k}->{v}" for k, v in helpers.items()))
        for rel in program_files():
            names = program_names(json.loads((ROOT / rel).read_text(encoding="utf-8")))
            print(rel.as_posix(), f"{len(names)} names -> {PROGRAM_CONTEXT}")
        return 0
    print(update(args.ts, args.lang, obsolete=args.keep_obsolete), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
