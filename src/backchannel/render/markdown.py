"""Markdown versions of documents, escaping user text so it cannot inject markup or HTML."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")


def escape(text: str) -> str:
    """User text as literal Markdown: no links, no HTML, no emphasis of its own."""
    one_line = " ".join(text.split())
    return _SPECIAL.sub(r"\\\1", one_line)
