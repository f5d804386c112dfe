"""ICU's data library cut to what the desk uses (build time, Linux only).

Qt 6 on Linux links ICU, whose data library (libicudata, 32 MB) holds
every locale, every legacy character set and the word-break dictionaries
of a dozen scripts. Qt uses ICU for collation, locale-aware case mapping,
time zones and legacy codecs; it breaks text with its own tables. The desk
speaks English and Japanese, stores UTF-8 and never converts legacy
codecs in Qt, so the bundle keeps:

- the core tables (properties, normalisation, case mapping, time zones,
  plural and number rules, the collation root) and every index;
- the locale data of `root`, `en*` and `ja*` in each tree (collation,
  currencies, language and region names, units, zones, rule-based numbers);

and leaves out the conversion tables (*.cnv), other locales, the
transliterators and the word-break dictionaries. A locale left out falls
back to root, as ICU does for any locale it lacks.

The cut data goes into a library of the same name and soname exporting
the same symbol (icudt<version>_dat), assembled with the C compiler;
without one, the bundle keeps ICU's own library."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

KEEP_LANGUAGES = ("root", "en", "ja")
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
_INDEXES = ("res_index", "pool")  # named like a locale, but every tree's index and string pool
SHT_DYNSYM = 11


def keep_item(name: str) -> bool:
    """name: an item of the package, e.g. 'icudt73l/coll/ja.res'."""
    path = name.split("/", 1)[1] if "/" in name else name
    tree, _, base = path.rpartition("/")
    stem, _, ext = base.rpartition(".")
    if ext in ("cnv", "dict") or tree == "translit":
        return False
    if ext == "res" and _LOCALE.match(stem) and stem not in _INDEXES:
        return stem.split("_")[0] in KEEP_LANGUAGES
    return True


def find_data_symbol(library: bytes) -> tuple[str, int, int]:
    """(symbol name, file offset, size) of icudtNN_dat in an ELF64 library."""
    shoff, = struct.unpack_from("<Q", library, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", library, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", library, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != SHT_DYNSYM:
            continue
        strtab_offset = sections[link][4]
        for at in range(offset, offset + size, entsize):
            st_name, _st_info, _st_other, shndx, value, st_size = struct.unpack_from("<IBBHQQ", library, at)
            start = strtab_offset + st_name
            symbol = library[start:library.index(b"\0", start)].decode()
            if symbol.startswith("icudt") and symbol.endswith("_dat") and st_size:
                _n, _k, _f, sec_addr, sec_offset, *_rest = sections[shndx]
                return symbol, sec_offset + value - sec_addr, st_size
    raise ValueError("no icudt*_dat symbol: not ICU's data library")


def cut_package(package: bytes, keep=keep_item) -> tuple[bytes, list[str]]:
    """A common-data package ('CmnD', offset table of contents) holding only
    the items `keep` accepts, in the same (sorted) order, each 16-byte aligned."""
    header_size, = struct.unpack_from("<H", package, 0)
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = header_size
    count, = struct.unpack_from("<I", package, toc)
    entries = [struct.unpack_from("<II", package, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(entries):
        start = toc + name_offset
        name = package[start:package.index(b"\0", start)].decode("ascii")
        end = toc + entries[i + 1][1] if i + 1 < count else len(package)
        items.append((name, package[toc + data_offset:end]))
    kept = [(n, d) for n, d in items if keep(n)]

    names = b"".join(n.encode("ascii") + b"\0" for n, _ in kept)
    table_size = 4 + 8 * len(kept)
    out = bytearray(package[:header_size])
    data_start = header_size + table_size + len(names)
    data_start += -data_start % 16
    name_pos, data_pos = table_size, data_start - header_size
    table, blobs = [struct.pack("<I", len(kept))], []
    for name, data in kept:
        table.append(struct.pack("<II", name_pos, data_pos))
        name_pos += len(name) + 1
        padded = data + b"\0" * (-len(data) % 16)
        blobs.append(padded)
        data_pos += len(padded)
    out += b"".join(table) + names
    out += b"\0" * (data_start - len(out))
    out += b"".join(blobs)
    return bytes(out), [n for n, _ in items if not keep(n)]


def soname(library: bytes) -> str:
    """The library's DT_SONAME (what it is linked by)."""
    from .bundle_links import SHT_DYNAMIC

    shoff, = struct.unpack_from("<Q", library, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", library, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", library, shoff + i * shentsize) for i in range(shnum)]
    for _n, kind, _f, _a, offset, size, link, *_rest in sections:
        if kind == SHT_DYNAMIC:
            strtab = sections[link][4]
            for at in range(offset, offset + size, 16):
                tag, value = struct.unpack_from("<qQ", library, at)
                if tag == 14:  # DT_SONAME
                    return library[strtab + value:library.index(b"\0", strtab + value)].decode()
    raise ValueError("no soname")


def build_slim_library(source: Path, workdir: Path, compiler: str | None = None) -> Path | None:
    """Write workdir/<same file name>: ICU's data library with the cut
    package. None (keep ICU's own) when there is no C compiler."""
    compiler = compiler or shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        return None
    library = source.read_bytes()
    symbol, offset, size = find_data_symbol(library)
    package, _dropped = cut_package(library[offset:offset + size])
    workdir.mkdir(parents=True, exist_ok=True)
    dat = workdir / f"{symbol[:-4]}.dat"
    dat.write_bytes(package)
    asm = workdir / "icudata.S"
    asm.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, @object\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        f"\t.incbin \"{dat.name}\"\n"
        f"\t.size {symbol}, . - {symbol}\n"
        "\t.section .note.GNU-stack,\"\",@progbits\n", encoding="ascii")
    out = workdir / source.name
    subprocess.run([compiler, "-shared", "-nostdlib", f"-Wl,-soname,{soname(library)}", "-o", out.name, asm.name],
                   cwd=workdir, check=True)
    return out
