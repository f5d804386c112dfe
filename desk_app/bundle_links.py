"""Which shared libraries a bundle's libraries link to, read from the files
themselves (ELF on Linux, PE on Windows), with no tool but Python.

The bundle spec uses it to drop libraries PyInstaller collected for a
module or plugin that was left out afterwards (the GTK stack of the GTK
theme plugin); tests/frozen uses it to prove the built bundle holds no
library that nothing loads. Build-time only: the desk never imports it."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Callable, Iterable

DT_NEEDED = 1
SHT_DYNAMIC = 6


def needed(path: str | Path) -> list[str]:
    """The library names `path` asks the loader for (ELF DT_NEEDED, or the
    PE import and delay-import tables); [] for any other file."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return []
    if data[:4] == b"\x7fELF":
        return _elf_needed(data)
    if data[:2] == b"MZ" and len(data) > 0x40:
        return _pe_imports(data)
    return []


def _elf_needed(data: bytes) -> list[str]:
    is64 = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    if is64:
        shoff, = struct.unpack_from(end + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A)
    else:
        shoff, = struct.unpack_from(end + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x2E)

    def section(i: int) -> tuple[int, int, int, int]:
        """(type, offset, size, link) of section i."""
        at = shoff + i * shentsize
        if is64:
            _name, kind, _flags, _addr, offset, size, link = struct.unpack_from(end + "IIQQQQI", data, at)
        else:
            _name, kind, _flags, _addr, offset, size, link = struct.unpack_from(end + "IIIIIII", data, at)
        return kind, offset, size, link

    names = []
    for i in range(shnum):
        kind, offset, size, link = section(i)
        if kind != SHT_DYNAMIC:
            continue
        _k, str_off, str_size, _l = section(link)
        fmt, width = (end + "qQ", 16) if is64 else (end + "iI", 8)
        for at in range(offset, offset + size, width):
            tag, value = struct.unpack_from(fmt, data, at)
            if tag == 0:
                break
            if tag == DT_NEEDED and value < str_size:
                start = str_off + value
                names.append(data[start:data.index(b"\0", start)].decode("utf-8", "replace"))
    return names


def _pe_imports(data: bytes) -> list[str]:
    pe, = struct.unpack_from("<I", data, 0x3C)
    if data[pe:pe + 4] != b"PE\0\0":
        return []
    nsections, = struct.unpack_from("<H", data, pe + 6)
    opt_size, = struct.unpack_from("<H", data, pe + 20)
    opt = pe + 24
    magic, = struct.unpack_from("<H", data, opt)
    directories = opt + (112 if magic == 0x20B else 96)
    sections = [struct.unpack_from("<IIII", data, opt + opt_size + 40 * i + 8) for i in range(nsections)]

    def offset(rva: int) -> int | None:
        for vsize, vaddr, raw_size, raw_ptr in sections:
            if vaddr <= rva < vaddr + max(vsize, raw_size):
                return raw_ptr + rva - vaddr
        return None

    def text(rva: int) -> str | None:
        at = offset(rva)
        return data[at:data.index(b"\0", at)].decode("ascii", "replace") if at is not None else None

    names = []
    # (directory index, descriptor size, where the name's RVA sits in it)
    for index, size, name_at in ((1, 20, 12), (13, 32, 4)):
        rva, _length = struct.unpack_from("<II", data, directories + 8 * index)
        at = offset(rva) if rva else None
        while at is not None and at + size <= len(data):
            descriptor = data[at:at + size]
            if not descriptor.strip(b"\0"):
                break
            name = text(struct.unpack_from("<I", descriptor, name_at)[0])
            if name:
                names.append(name)
            at += size
    return names


def unlinked(libraries: Iterable[str], roots: Iterable[str], links: Callable[[str], list[str]],
             name: Callable[[str], str] = lambda p: Path(p).name) -> set[str]:
    """The libraries no root reaches through the links of what it loads.

    libraries and roots are keys (paths, or bundle destinations) that
    `links` reads; a link names a library by file name (case-insensitively,
    as Windows does), so it is matched against `name(key)`."""
    libraries = set(libraries)
    by_name: dict[str, list[str]] = {}
    for key in libraries:
        by_name.setdefault(name(key).lower(), []).append(key)
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        for lib in links(key):
            todo.extend(by_name.get(lib.lower(), ()))
    return libraries - seen
