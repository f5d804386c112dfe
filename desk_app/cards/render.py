"""The membership card: CR80 (85.6 x 54 mm), name, number, tier, validity,
Premium Selection hotel and the QR code. PNG and PDF from the same drawing."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont
from qrcode.constants import ERROR_CORRECT_M

from ..domain.romaji import is_latin
from ..paths import resources_dir

CARD_MM = (85.6, 54.0)
DPI = 300
TIER_COLOURS = {
    "basic": ((28, 43, 74), (255, 255, 255)),
    "loyal": ((140, 110, 45), (255, 255, 255)),
    "exclusive": ((24, 24, 24), (226, 196, 120)),
}


def card_pixels(dpi: int = DPI) -> tuple[int, int]:
    return round(CARD_MM[0] / 25.4 * dpi), round(CARD_MM[1] / 25.4 * dpi)


FONT_FILES = {False: ("NotoSansJP-Regular.otf",), True: ("NotoSansJP-Bold.otf", "NotoSansJP-Regular.otf")}


def font_path(bold: bool = False) -> Path | None:
    """The bundled Japanese font (a Noto Sans CJK JP subset, see
    resources/fonts/README.md), so kanji never print as boxes."""
    fonts = resources_dir() / "fonts"
    for name in FONT_FILES[bold]:
        if (fonts / name).exists():
            return fonts / name
    return None


@lru_cache(maxsize=32)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = font_path(bold)
    if path is not None:
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def qr_image(payload: str, box: int) -> Image.Image:
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=2, box_size=10)
    qr.add_data(payload)
    qr.make(fit=True)
    img = qr.make_image(fill_color="black", back_color="white").convert("RGB")
    return img.resize((box, box), Image.NEAREST)


# The card's own words in each language it speaks (docs/program-rules.md 2).
# The romanised name, the number and the program's name print as they are.
LABELS = {
    "en": {"member": "{tier} Member", "valid": "Valid until {date}", "since": "Member since {date}",
           "premium": "Premium Selection: {hotel}", "card": "Card {n}"},
    "ja": {"member": "{tier}会員", "valid": "有効期限 {date}", "since": "入会日 {date}",
           "premium": "プレミアムセレクション {hotel}", "card": "カード {n}"},
}


def _fmt(day: date | None, language: str = "en") -> str:
    if not day:
        return ""
    return f"{day.year}年{day.month}月{day.day}日" if language == "ja" else day.strftime("%Y/%m/%d")


def _fit(d: ImageDraw.ImageDraw, text: str, size: int, width: int, bold: bool = False):
    """The largest font up to `size` that fits the text in `width` pixels."""
    while size > 8 and d.textlength(text, font=_font(size, bold)) > width:
        size -= 1
    return _font(size, bold)


def draw_card(face, dpi: int = DPI) -> Image.Image:
    """`face` is a services.cards.CardFace (any object with its fields)."""
    w, h = card_pixels(dpi)
    unit = dpi / 300
    bg, fg = TIER_COLOURS.get(face.tier, TIER_COLOURS["basic"])
    img = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(img)
    pad = round(48 * unit)
    language = getattr(face, "language", "en")
    words = LABELS.get(language, LABELS["en"])
    d.text((pad, pad), face.program_name.upper(), font=_font(round(52 * unit), True), fill=fg)
    d.text((pad, pad + round(70 * unit)), words["member"].format(tier=face.tier_name), font=_font(round(34 * unit)),
           fill=fg)
    qr_box = round(300 * unit)
    qr_x, qr_y = w - pad - qr_box, h - pad - qr_box
    margin = round(12 * unit)  # the white quiet zone around the QR, in proportion at any resolution
    d.rounded_rectangle((qr_x - margin, qr_y - margin, qr_x + qr_box + margin, qr_y + qr_box + margin),
                        radius=margin, fill="white")
    img.paste(qr_image(face.qr_payload, qr_box), (qr_x, qr_y))
    y = h - pad - round(266 * unit)
    local = getattr(face, "local_name", "") or ""
    if local and local != face.name and not is_latin(local):
        # The name as registered (山田 太郎) above the romanised one.
        d.text((pad, y - round(50 * unit)), local, font=_font(round(32 * unit)), fill=fg)
    d.text((pad, y), face.name, font=_font(round(46 * unit), True), fill=fg)
    num = face.member_number
    pretty = " ".join(num[i:i + 4] for i in range(0, len(num), 4))
    d.text((pad, y + round(66 * unit)), pretty, font=_font(round(44 * unit)), fill=fg)
    small = _font(round(26 * unit))
    lines = []
    if face.tier_valid_until:
        lines.append(words["valid"].format(date=_fmt(face.tier_valid_until, language)))
    # "Member since" is the enrollment date, never the card's issue date.
    since = getattr(face, "member_since", None)
    if since:
        lines.append(words["since"].format(date=_fmt(since, language)))
    hotel = getattr(face, "premium_hotel_name", None) or face.premium_hotel
    if hotel:
        lines.append(words["premium"].format(hotel=hotel))
    room = qr_x - margin - pad - round(8 * unit)
    for i, line in enumerate(lines):
        d.text((pad, y + round((130 + 36 * i) * unit)), line, font=_fit(d, line, round(26 * unit), room), fill=fg)
    # Anchored by its bottom edge just above the white box, so it never overlaps it.
    d.text((qr_x - margin, qr_y - margin - round(8 * unit)), words["card"].format(n=face.sequence), font=small,
           fill=fg, anchor="ld")
    return img


def save_card(face, path: Path) -> Path:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".pdf"):
        raise ValueError("The card file must end in .png or .pdf")
    img = draw_card(face)
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".png":
        img.save(path, "PNG", dpi=(DPI, DPI))
    else:
        # Pillow sizes the PDF page from the resolution: exactly 85.6 x 54 mm.
        img.save(path, "PDF", resolution=DPI)
    return path
