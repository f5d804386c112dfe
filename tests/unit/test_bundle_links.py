"""The build-time readers behind the bundle's size: which libraries a
binary links to (ELF, PE), which libraries nothing reaches, and ICU's data
package cut to English and Japanese."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

from desk_app import bundle_links, icu_data


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF is Linux's format")
def test_elf_needed_reads_what_an_extension_module_links():
    import _sqlite3

    assert "libsqlite3.so.0" in bundle_links.needed(_sqlite3.__file__)


def test_needed_of_a_file_that_is_no_binary(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("MZ is not enough")
    assert bundle_links.needed(text) == [] and bundle_links.needed(tmp_path / "missing.dll") == []


def _pe_with_imports(imports: list[str], delayed: list[str]) -> bytes:
    """A minimal PE32+ image: one section holding an import and a delay-import table."""
    section_rva, section_raw = 0x1000, 0x200
    names, name_rvas = b"", []
    body_at = 0x100  # names start here inside the section
    for dll in imports + delayed:
        name_rvas.append(section_rva + body_at + len(names))
        names += dll.encode() + b"\0"
    imp = b"".join(struct.pack("<IIIII", 0, 0, 0, rva, 0) for rva in name_rvas[:len(imports)]) + bytes(20)
    delay = b"".join(struct.pack("<IIIIIIII", 1, rva, 0, 0, 0, 0, 0, 0) for rva in name_rvas[len(imports):]) + bytes(32)
    section = bytearray(0x400)
    section[0:len(imp)] = imp
    section[0x80:0x80 + len(delay)] = delay
    section[body_at:body_at + len(names)] = names
    pe = 0x40
    opt_size = 112 + 16 * 8
    header = bytearray(section_raw)
    header[0:2] = b"MZ"
    struct.pack_into("<I", header, 0x3C, pe)
    header[pe:pe + 4] = b"PE\0\0"
    struct.pack_into("<HHIIIHH", header, pe + 4, 0x8664, 1, 0, 0, 0, opt_size, 0x22)
    opt = pe + 24
    struct.pack_into("<H", header, opt, 0x20B)
    directories = opt + 112
    struct.pack_into("<II", header, directories + 8 * 1, section_rva, len(imp))
    struct.pack_into("<II", header, directories + 8 * 13, section_rva + 0x80, len(delay))
    table = opt + opt_size
    header[table:table + 8] = b".idata\0\0"
    struct.pack_into("<IIII", header, table + 8, len(section), section_rva, len(section), section_raw)
    return bytes(header) + bytes(section)


def test_pe_imports_and_delay_imports(tmp_path):
    dll = tmp_path / "QtCore.pyd"
    dll.write_bytes(_pe_with_imports(["python3.dll", "Qt6Core.dll"], ["VCRUNTIME140.dll"]))
    assert bundle_links.needed(dll) == ["python3.dll", "Qt6Core.dll", "VCRUNTIME140.dll"]


def test_unlinked_finds_what_nothing_loads():
    links = {"ext.so": ["libqt.so.6"], "libqt.so.6": ["libicu.so.73", "libc.so.6"], "libicu.so.73": [],
             "libgtk.so.3": ["libglib.so.0"], "libglib.so.0": [], "plugin.so": ["LIBQT.SO.6"]}
    libraries = ["libqt.so.6", "libicu.so.73", "libgtk.so.3", "libglib.so.0"]
    assert bundle_links.unlinked(libraries, ["ext.so"], links.__getitem__) == {"libgtk.so.3", "libglib.so.0"}
    # Names match as Windows matches them: without case.
    assert bundle_links.unlinked(["libqt.so.6"], ["plugin.so"], links.__getitem__) == set()


@pytest.mark.parametrize("name, kept", [
    ("icudt73l/uprops.icu", True), ("icudt73l/nfkc.nrm", True), ("icudt73l/res_index.res", True),
    ("icudt73l/pool.res", True), ("icudt73l/root.res", True), ("icudt73l/supplementalData.res", True),
    ("icudt73l/ja.res", True), ("icudt73l/en_GB.res", True), ("icudt73l/coll/ja.res", True),
    ("icudt73l/coll/ucadata.icu", True), ("icudt73l/zone/ja.res", True), ("icudt73l/brkitr/line.brk", True),
    ("icudt73l/fr.res", False), ("icudt73l/coll/zh.res", False), ("icudt73l/curr/sr_Latn_BA.res", False),
    ("icudt73l/ibm-943_P15A-2003.cnv", False), ("icudt73l/brkitr/cjdict.dict", False),
    ("icudt73l/translit/Hiragana_Katakana.res", False),
])
def test_icu_items_kept_for_an_english_and_japanese_desk(name, kept):
    assert icu_data.keep_item(name) is kept


def _package(items: dict[str, bytes]) -> bytes:
    header = bytearray(32)
    struct.pack_into("<H", header, 0, 32)
    header[2:4] = b"\xda\x27"
    header[12:16] = b"CmnD"
    names = b"".join(n.encode() + b"\0" for n in items)
    table_end = 32 + 4 + 8 * len(items) + len(names)
    data_at = table_end + (-table_end % 16)
    toc, blobs, name_pos, pos = [struct.pack("<I", len(items))], b"", 4 + 8 * len(items), data_at - 32
    for n, data in items.items():
        toc.append(struct.pack("<II", name_pos, pos))
        name_pos += len(n) + 1
        padded = data + b"\0" * (-len(data) % 16)
        blobs += padded
        pos += len(padded)
    out = bytes(header) + b"".join(toc) + names
    return out + b"\0" * (data_at - len(out)) + blobs


def _items(package: bytes) -> dict[str, bytes]:
    toc = struct.unpack_from("<H", package, 0)[0]
    count = struct.unpack_from("<I", package, toc)[0]
    entries = [struct.unpack_from("<II", package, toc + 4 + 8 * i) for i in range(count)]
    out = {}
    for i, (name_at, data_at) in enumerate(entries):
        start = toc + name_at
        end = toc + entries[i + 1][1] if i + 1 < count else len(package)
        assert (toc + data_at) % 16 == 0  # ICU maps items in place: 16-byte aligned
        out[package[start:package.index(b"\0", start)].decode()] = package[toc + data_at:end].rstrip(b"\0")
    return out


def test_cut_package_keeps_the_chosen_items_in_order():
    items = {"icudt73l/coll/fr.res": b"FR" * 9, "icudt73l/coll/ja.res": b"JA" * 20, "icudt73l/x.cnv": b"CNV",
             "icudt73l/uprops.icu": b"PROPS"}
    cut, dropped = icu_data.cut_package(_package(items))
    assert _items(cut) == {"icudt73l/coll/ja.res": b"JA" * 20, "icudt73l/uprops.icu": b"PROPS"}
    assert dropped == ["icudt73l/coll/fr.res", "icudt73l/x.cnv"]
    assert cut[:32] == _package(items)[:32]  # the package header is kept as it was


def test_cut_of_qts_own_icu_data():
    """On the ICU data library PySide6 ships (Linux): a quarter of its size or
    less, the Japanese collation and the core tables kept."""
    lib = next(iter(Path(__import__("PySide6").__file__).parent.glob("Qt/lib/libicudata.so.*")), None)
    if lib is None:
        pytest.skip("PySide6 ships no ICU here (Windows and macOS use the system's)")
    data = lib.read_bytes()
    symbol, offset, size = icu_data.find_data_symbol(data)
    assert symbol.startswith("icudt") and symbol.endswith("_dat") and size > 20_000_000
    cut, dropped = icu_data.cut_package(data[offset:offset + size])
    kept = _items(cut)
    prefix = symbol[:-4] + "l/"
    assert {prefix + "coll/ja.res", prefix + "nfkc.nrm", prefix + "res_index.res", prefix + "ja.res"} <= set(kept)
    assert prefix + "fr.res" in dropped and len(cut) < size / 4
    assert icu_data.soname(data) == lib.name
