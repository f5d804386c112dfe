"""Romanised names: katakana readings to Hepburn, the way a Japanese
passport writes them, and what counts as a name already in Latin letters.

jaconv has `kata2alphabet`, but it writes the keyboard (wapuro) spelling
(タロウ -> "tarou", マッチャ -> "maccha", ティ -> "tei"), which is not what a
guest expects on a card. The table below is the passport style (外務省
ヘボン式):

- long vowels are not written: オウ / オオ -> o, ウウ -> u, ー dropped
  (サトウ -> Sato, オオノ -> Ono, ユウコ -> Yuko, タロウ -> Taro);
  a ウ before エ starts a new syllable and is kept (イノウエ -> Inoue);
  エイ and イイ are written out (ケイコ -> Keiko, イイダ -> Iida);
- ン is m before b, m, p (ホンマ -> Homma, ナンバ -> Namba), else n with no
  apostrophe (シンイチ -> Shinichi);
- ッ doubles the next consonant, t before ch (マッチャ -> Matcha);
- シ shi, チ chi, ツ tsu, フ fu, ジ/ヂ ji, ヅ zu, ヲ o.

`keyboard=True` keeps the long vowels (タロウ -> tarou): search stores both
spellings, so a clerk may type either."""

from __future__ import annotations

import unicodedata

_MONO = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o",
    "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke", "コ": "ko",
    "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so",
    "タ": "ta", "チ": "chi", "ツ": "tsu", "テ": "te", "ト": "to",
    "ナ": "na", "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no",
    "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho",
    "マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo",
    "ヤ": "ya", "ユ": "yu", "ヨ": "yo",
    "ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro",
    "ワ": "wa", "ヰ": "i", "ヱ": "e", "ヲ": "o",
    "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go",
    "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo",
    "ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do",
    "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be", "ボ": "bo",
    "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po",
    "ヴ": "vu",
    "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o",
    "ャ": "ya", "ュ": "yu", "ョ": "yo", "ヮ": "wa", "ヵ": "ka", "ヶ": "ke",
}
_YOON_ROWS = {
    "キ": "ky", "ギ": "gy", "ニ": "ny", "ヒ": "hy", "ビ": "by", "ピ": "py", "ミ": "my", "リ": "ry",
    "シ": "sh", "ジ": "j", "チ": "ch", "ヂ": "j",
}
_DI = {}
for _k, _c in _YOON_ROWS.items():
    _DI[_k + "ャ"], _DI[_k + "ュ"], _DI[_k + "ョ"] = _c + "a", _c + "u", _c + "o"
_DI.update({
    "シェ": "she", "ジェ": "je", "チェ": "che", "ティ": "ti", "ディ": "di", "トゥ": "tu", "ドゥ": "du",
    "テュ": "tyu", "デュ": "dyu", "ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "フュ": "fyu",
    "ウィ": "wi", "ウェ": "we", "ウォ": "wo", "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo",
    "ツァ": "tsa", "ツィ": "tsi", "ツェ": "tse", "ツォ": "tso", "イェ": "ye", "クァ": "kwa", "グァ": "gwa",
})
_SEPARATORS = {" ", "\u3000", "・", "･", "="}


def to_katakana(text: str) -> str:
    """Hiragana to katakana (ぁ..ゖ and ゝゞ shift by 0x60)."""
    return "".join(chr(ord(ch) + 0x60) if "\u3041" <= ch <= "\u3096" or ch in "ゝゞ" else ch for ch in text)


def is_kana(text: str) -> bool:
    """Kana (and spaces / middle dots) only: a reading we can romanise."""
    text = to_katakana(text)
    return bool(text.strip()) and all(ch in _MONO or ch in "ッンー" or ch in _SEPARATORS for ch in text)


def kana_to_romaji(kana: str, keyboard: bool = False) -> str:
    """Kana (full width; hiragana is folded to katakana here) to lower-case
    Hepburn; words stay separated by single spaces. Characters that are not
    kana are dropped."""
    words, current = [], []
    for ch in to_katakana(kana):
        if ch in _SEPARATORS:
            if current:
                words.append(current)
                current = []
        else:
            current.append(ch)
    if current:
        words.append(current)
    return " ".join(w for w in (_word(word, keyboard) for word in words) if w)


def _word(chars: list[str], keyboard: bool) -> str:
    # First split into syllables: (romaji, kana).
    sylls: list[tuple[str, str]] = []
    i = 0
    while i < len(chars):
        pair = "".join(chars[i:i + 2])
        if pair in _DI:
            sylls.append((_DI[pair], pair))
            i += 2
            continue
        ch = chars[i]
        if ch in _MONO or ch in "ッンー":
            sylls.append((_MONO.get(ch, ch), ch))
        i += 1
    out: list[str] = []
    for n, (rom, kana) in enumerate(sylls):
        nxt = sylls[n + 1] if n + 1 < len(sylls) else None
        prev_vowel = out[-1][-1:] if out else ""
        if kana == "ッ":
            if nxt and nxt[0][0] not in "aiueon":
                out.append("t" if nxt[0].startswith("ch") else nxt[0][0])
            continue
        if kana == "ン":
            out.append("m" if not keyboard and nxt and nxt[0][0] in "bmp" else "n")
            continue
        if kana == "ー":
            if keyboard and prev_vowel in ("a", "i", "u", "e", "o"):
                out.append(prev_vowel)
            continue
        if not keyboard and prev_vowel in ("o", "u") and (
                (kana == "ウ" and not (nxt and nxt[1] == "エ")) or (kana == "オ" and prev_vowel == "o")):
            # Passport style: the long vowel is not written.
            continue
        out.append(rom)
    return "".join(out)


def is_latin(text: str) -> bool:
    """A name written in Latin letters (accents allowed), spaces, hyphens,
    apostrophes and full stops."""
    if not text.strip():
        return False
    for ch in text:
        if ch in " -'.’":
            continue
        if not ch.isalpha() or "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def capitalise(word: str) -> str:
    """'taro' -> 'Taro', 'o'brien' -> "O'Brien"; mixed case ('McDonald')
    is the guest's own spelling and is kept."""
    if word != word.lower() and word != word.upper():
        return word
    out, start = [], True
    for ch in word.lower():
        out.append(ch.upper() if start else ch)
        start = ch in " -'’."
    return "".join(out)


def fold_latin(text: str) -> str:
    """For search: drop accents and macrons from Latin letters (Kyōko ->
    Kyoko), leave kana and kanji untouched (NFD would split ダ into タ+゛)."""
    out = []
    for ch in text:
        if ch.isascii() or "LATIN" not in unicodedata.name(ch, ""):
            out.append(ch)
        else:
            out.append("".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)))
    return "".join(out)
