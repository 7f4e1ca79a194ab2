"""Markdown versions of documents, escaping user text so it cannot inject markup or HTML.

Only what Markdown would read as markup is escaped, so the text pasted into an e-mail reads
as written ("Non-paper", "Rule." rather than "Non\\-paper", "Rule\\."): inside a line the
marks of emphasis, code, links, HTML, strikethrough and tables, and entities; at the start
of a line what would open a heading, a quote, a list or a rule.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_\[\]<>~|])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What opens a block at the start of a line: a heading, a quote, a list item (bullet or
# number), a thematic break or a setext underline.
_LINE_START = re.compile(r"^(\s*)([#>+=\-]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """User text as literal Markdown on one line: no links, no HTML, no emphasis of its
    own, and no heading or list when it is placed at the start of a line."""
    one_line = " ".join(text.split())
    inline = _ENTITY.sub("&amp;", _INLINE.sub(r"\\\1", one_line))
    return _LINE_START.sub(_escape_opening, inline, count=1)


def _escape_opening(found: re.Match[str]) -> str:
    lead, mark = found.group(1), found.group(2)
    if mark.isdigit():  # "1." or "1)" would number a list: escape its punctuation
        return lead + mark + "\\"
    return f"{lead}\\{mark}"
