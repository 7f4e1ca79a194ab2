"""The login page and the participant portal in the room's languages: the browser's
Accept-Language, a language chosen once with ?lang=, right to left for Arabic, and
catalogs with nothing left untranslated."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from backchannel import i18n
from backchannel.domain.errors import BadInputError
from backchannel.services import accounts, meetings
from backchannel.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = {
    "en": ("Log in", "Your portal", "Rate the options"),
    "fr": ("Se connecter", "Votre espace", "Noter les options"),
    "es": ("Entrar", "Su espacio", "Valorar las opciones"),
    "ru": ("Войти", "Ваш кабинет", "Оцените варианты"),
    "ar": ("الدخول", "صفحتك", "قيّم الخيارات"),
}


@pytest.fixture
def options_round(web_ws: Workspace) -> None:
    meetings.start_round(web_ws)
    meetings.next_round(web_ws)
    meetings.next_round(web_ws)
    meetings.capture_option(web_ws, "A joint weekly figure for each district")


@pytest.mark.parametrize("lang", list(EXPECTED))
def test_the_login_page_speaks_the_browser_language(anonymous: Any, lang: str) -> None:
    html = anonymous.get("/login", headers={"Accept-Language": f"{lang}-XX,{lang};q=0.9"}).text
    direction = "rtl" if lang == "ar" else "ltr"
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert EXPECTED[lang][0] in html


@pytest.mark.parametrize("lang", list(EXPECTED))
def test_the_portal_speaks_the_chosen_language(
    as_role: Any, options_round: None, lang: str
) -> None:
    client = as_role("participant-a")
    first = client.get(f"/portal?lang={lang}").text
    again = client.get("/portal", headers={"Accept-Language": "de"}).text  # the cookie wins
    for html in (first, again):
        assert f'lang="{lang}"' in html
        assert all(text in html for text in EXPECTED[lang][1:])
    if lang != "en":
        assert "Rate the options" not in again


def test_the_account_keeps_its_language_on_another_device(
    as_role: Any, options_round: None, web_ws: Workspace
) -> None:
    """Chosen once on the phone, the language follows the participant to the laptop in the
    meeting room, whatever that browser asks for."""
    phone = as_role("participant-a")
    assert 'lang="ar"' in phone.get("/portal?lang=ar").text
    assert "ar" == accounts.get_account(web_ws, "participant-a").language
    laptop = as_role("participant-a")  # a new session, no language cookie
    html = laptop.get("/portal", headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert '<html lang="ar" dir="rtl">' in html and EXPECTED["ar"][2] in html
    assert 'lang="fr"' in laptop.get("/portal?lang=fr").text  # changed again, kept again
    assert "fr" == accounts.get_account(web_ws, "participant-a").language


def test_an_unknown_account_language_is_refused(web_ws: Workspace) -> None:
    with pytest.raises(BadInputError, match="unknown language 'xx'"):
        accounts.set_language(web_ws, "participant-a", "xx")


def test_a_language_nobody_offers_falls_back_to_english(anonymous: Any) -> None:
    html = anonymous.get("/login?lang=xx", headers={"Accept-Language": "de, sw;q=0.5"}).text
    assert '<html lang="en" dir="ltr">' in html
    assert anonymous.cookies.get(i18n.COOKIE) is None


def test_the_language_links_are_written_in_their_own_language(anonymous: Any) -> None:
    html = anonymous.get("/login").text
    for code, name in i18n.NAMES.items():
        assert f'<a href="?lang={code}" lang="{code}" hreflang="{code}"' in html
        assert f">{name}</a>" in html


def test_accept_language_weights() -> None:
    assert "fr" == i18n.choose(None, "de-DE, fr;q=0.8, ar;q=0.5")
    assert "ar" == i18n.choose(None, "ar-SA")
    assert "ru" == i18n.choose("ru", "ar-SA")
    assert "en" == i18n.choose("xx", "sw, de;q=0.9, fr;q=0")


def _template_messages() -> set[str]:
    with (ROOT / "babel.cfg").open(encoding="utf-8") as fp:
        method_map, _options = parse_mapping_cfg(fp)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    return {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map=method_map, keywords=keywords
        )
    }


@pytest.mark.parametrize("lang", [lang for lang in i18n.LANGUAGES if lang != "en"])
def test_every_message_is_translated(lang: str) -> None:
    path = i18n.LOCALE / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as fp:
        catalog = read_po(fp, locale=lang)
    translated = {
        m.id if isinstance(m.id, str) else m.id[0]: m
        for m in catalog
        if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else [m.string])
    }
    missing = _template_messages() - set(translated)
    assert set() == missing
    for message in translated.values():  # placeholders survive translation
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        wanted = set(re.findall(r"%\(\w+\)s", ids[-1])) - {"%(num)s"}
        for msgstr in strings:
            found = set(re.findall(r"%\(\w+\)s", msgstr))
            assert wanted <= found <= set(re.findall(r"%\(\w+\)s", " ".join(ids))), msgstr
