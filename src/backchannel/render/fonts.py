"""The fonts documents and pages are set in, shipped with the package (SIL OFL).

Typst brings Libertinus Serif (Latin, Cyrillic, Greek) and nothing for Arabic script: an
Arabic point used to fall back to a monospaced face with its letters apart. Amiri, Noto
Sans Arabic and Noto Sans come as Python packages (`fontpkg-*`), so a fresh machine with no
system fonts typesets Arabic and Cyrillic the same as this one. Typst is told only these
folders (system fonts are ignored, so a PDF looks the same on every laptop).

Documents set Arabic in Amiri, a Naskh face like those of Arabic diplomatic papers, whose
letters are whole glyphs: text copied out of the PDF comes back as written. Noto Sans
Arabic draws the dots of a letter as glyphs of their own, and Typst maps each of them back
to the letter (typst/typst#4225), so its PDFs extract as "ةة" for "ة"; it stays the
fallback for letters Amiri lacks, and the web pages' face (a browser has no such problem).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import fontpkg_amiri
import fontpkg_noto_sans
import fontpkg_noto_sans_arabic

ARABIC = fontpkg_noto_sans_arabic.FAMILY  # "Noto Sans Arabic": pages, DOCX, fallback
NASKH = fontpkg_amiri.FAMILY  # "Amiri": Arabic in PDFs
# Letters of right-to-left scripts: Arabic (with Persian and Urdu letters) and Hebrew.
RTL_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LETTER = re.compile(r"[^\W\d_]")


@cache
def font_folders() -> dict[str, str]:
    """The folders holding the bundled font files, by a short name ("arabic", "sans")."""
    return {
        "naskh": str(Path(fontpkg_amiri.ROOT) / "files"),
        "arabic": str(Path(fontpkg_noto_sans_arabic.ROOT) / "files"),
        "sans": str(Path(fontpkg_noto_sans.ROOT) / "files"),
    }


def font_paths() -> tuple[str, ...]:
    """The folders of the bundled fonts, for Typst's `font_paths`."""
    return tuple(font_folders().values())


def font_files() -> dict[str, Path]:
    """Every bundled font file by its file name (for the web app to serve)."""
    return {p.name: p for folder in font_paths() for p in sorted(Path(folder).glob("*.ttf"))}


def is_rtl(text: str) -> bool:
    """True when the first letter of `text` is in a right-to-left script (the Unicode
    bidi rule for a paragraph's direction, applied to letters)."""
    first = _LETTER.search(text)
    return first is not None and RTL_LETTER.match(first.group()) is not None
