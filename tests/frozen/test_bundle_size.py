"""The built bundle is lean: under 120 MB, no library that nothing loads
(walked through what each binary links to), one libcrypto, only the Qt
catalogue and the ICU data the desk uses.

Runs when DESK_APP_FROZEN_DIR names a built bundle (`.ci/run` builds one
with `python -m desk_app.build` and sets it); skipped otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk_app.bundle_links import needed, unlinked

BUNDLE = os.environ.get("DESK_APP_FROZEN_DIR")
pytestmark = pytest.mark.skipif(not BUNDLE, reason="no frozen bundle (set DESK_APP_FROZEN_DIR)")
LIMIT_MB = 120


def _files() -> list[Path]:
    return [p for p in Path(BUNDLE).rglob("*") if p.is_file() and not p.is_symlink()]


def _binaries() -> list[Path]:
    out = []
    for p in _files():
        with open(p, "rb") as f:
            magic = f.read(4)
        if magic == b"\x7fELF" or magic[:2] == b"MZ":
            out.append(p)
    return out


def _loaded_by_the_desk(p: Path) -> bool:
    """What the executables load themselves: Python and its extension
    modules, and Qt's plugins; everything else must be reached from these."""
    name, path = p.name.lower(), p.as_posix()
    return (p.parent == Path(BUNDLE) or ".cpython-" in name or name.endswith((".abi3.so", ".pyd"))
            or "/plugins/" in path or name.startswith(("libpython", "python3")))


def test_bundle_is_under_120_mb():
    size = sum(p.stat().st_size for p in _files())
    print(f"\nbundle: {size / 1e6:.1f} MB in {len(_files())} files")
    assert size < LIMIT_MB * 1e6


def test_every_library_in_the_bundle_is_loaded_by_something():
    binaries = _binaries()
    roots = [str(p) for p in binaries if _loaded_by_the_desk(p)]
    libraries = [str(p) for p in binaries if not _loaded_by_the_desk(p)]
    assert roots and libraries
    assert sorted(Path(p).name for p in unlinked(libraries, roots, needed)) == []


def test_one_libcrypto():
    assert len([p for p in _files() if p.name.lower().startswith("libcrypto")]) == 1


def test_only_the_qt_catalogue_the_desk_loads():
    catalogues = sorted(p.name for p in _files() if p.suffix == ".qm" and "PySide6" in p.parts)
    assert catalogues == ["qtbase_ja.qm"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt uses Windows' own ICU")
def test_icu_data_is_cut_and_still_serves_japanese():
    data = next(Path(BUNDLE).rglob("libicudata.so.*"))
    assert data.resolve().stat().st_size < 8e6  # ICU's own is 32 MB
    # In a process of its own, so that no other ICU is loaded already.
    check = ("import ctypes, sys; d = sys.argv[1]; uc = ctypes.CDLL(d + '/libicuuc.so.73'); "
             "i18n = ctypes.CDLL(d + '/libicui18n.so.73'); s = ctypes.c_int(0); "
             "uc.u_init_73(ctypes.byref(s)); assert s.value == 0, s.value; "
             "i18n.ucol_open_73.restype = ctypes.c_void_p; s = ctypes.c_int(0); "
             "assert i18n.ucol_open_73(b'ja', ctypes.byref(s)) and s.value == 0, s.value; print('ok')")
    lib = data.resolve().parent
    soname = next(lib.glob("libicuuc.so.*")).name.rsplit(".", 1)[-1]
    done = subprocess.run([sys.executable, "-c", check.replace("73", soname), str(lib)], capture_output=True,
                          text=True, timeout=60)
    assert done.stdout.strip() == "ok", done.stderr
