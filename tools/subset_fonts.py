"""Make the Japanese card font: a subset of Noto Sans CJK JP (SIL OFL 1.1)
into resources/fonts/, so a desk PC or a build machine without CJK fonts
still prints names and slips in Japanese.

Build-time only (fontTools is not a runtime dependency):

    apt-get install fonts-noto-cjk        # the source .ttc files
    pip install fonttools
    python tools/subset_fonts.py [--source-dir /usr/share/fonts/opentype/noto]

What is kept: ASCII, Latin-1 and Latin Extended-A (accents and macrons:
Kyōko), general punctuation, arrows and letterlike symbols (℃ №), CJK
punctuation, hiragana, katakana, enclosed and compatibility forms (㈱ ①
㍻), half- and full-width forms, every JIS X 0208 character (level 1 and 2
kanji), the Windows-31J (cp932) NEC/IBM extensions (髙, 﨑, 德: common in
names) and JIS X 0213 (levels 3 and 4, more name kanji such as 𠮷). Everything else
(Korean, Chinese-only hanzi, vertical forms) is dropped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts"
FACES = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
JP_INDEX = 0  # "Noto Sans CJK JP" is the first face of each collection

RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x017F), (0x2010, 0x205E), (0x2100, 0x215F), (0x2190, 0x21FF),
    (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x30FF), (0x31F0, 0x31FF),
    (0x3200, 0x33FF), (0xFF00, 0xFFEF),
]

# Name characters outside every JIS codec Python ships: 𠮷 (tsuchi-yoshi, as in
# 𠮷田 / 𠮷野家).
EXTRA = "\U00020BB7"


def _double_byte(codec: str, lead: range, trail: range, prefix: bytes = b"") -> set[int]:
    out = set()
    for a in lead:
        for b in trail:
            try:
                text = (prefix + bytes((a, b))).decode(codec)
            except UnicodeDecodeError:
                continue
            out.update(ord(ch) for ch in text)
    return out


def codepoints() -> set[int]:
    cps = {cp for lo, hi in RANGES for cp in range(lo, hi + 1)}
    cps |= _double_byte("euc_jp", range(0xA1, 0xFF), range(0xA1, 0xFF))        # JIS X 0208
    cps |= _double_byte("cp932", range(0x81, 0xF0), range(0x40, 0xFD))         # + NEC / IBM
    cps |= _double_byte("euc_jis_2004", range(0xA1, 0xFF), range(0xA1, 0xFF))  # JIS X 0213 plane 1
    cps |= _double_byte("euc_jis_2004", range(0xA1, 0xFF), range(0xA1, 0xFF), b"\x8f")  # and plane 2
    cps |= {ord(ch) for ch in EXTRA}
    return cps


def make(source: Path, out: Path, cps: set[int]) -> int:
    font = TTCollection(str(source)).fonts[JP_INDEX]
    options = subset.Options()
    # No locl (it would pull in the Chinese and Korean glyph variants) and no
    # width alternates: the card lays text out horizontally, Japanese only.
    options.layout_features = ["kern", "palt", "ccmp"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False  # 300 dpi cards need no hints; saves ~15%
    options.drop_tables += ["vhea", "vmtx", "VORG"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(cps))
    sub.subset(font)
    font.recalcTimestamp = False  # the same input gives the same bytes
    font.save(str(out))
    return out.stat().st_size


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--source-dir", default="/usr/share/fonts/opentype/noto")
    args = p.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    cps = codepoints()
    for weight, name in FACES.items():
        size = make(Path(args.source_dir) / name, OUT / f"NotoSansJP-{weight}.otf", cps)
        print(f"NotoSansJP-{weight}.otf: {len(cps)} code points asked, {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
