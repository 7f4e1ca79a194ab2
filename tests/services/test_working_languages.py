"""Every document in each of the dialogue's working languages, and the non-paper as one
bilingual text: the files of the second language carry its code, numbered copies keep their
code in both, the readers of a file read it in every language, one approval covers each,
and what people wrote keeps its direction inside a sentence of the other script."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from backchannel import i18n
from backchannel.domain.accounts import Account, Role, may_read, shelf_of
from backchannel.domain.dialogue import Dialogue
from backchannel.domain.documents import in_language, language_tag
from backchannel.domain.errors import BadInputError
from backchannel.gate.finding import Finding
from backchannel.readers.dialogue_files import read_dialogue
from backchannel.services import aide_memoire
from backchannel.services import dialogue as dialogue_service
from backchannel.services.catalogue import export_all
from backchannel.services.documents import finding_id
from backchannel.services.trace import trace
from backchannel.services.workspace import Workspace


@pytest.fixture
def ws(demo_copy: Workspace) -> Workspace:
    return demo_copy


def fonts(path: Path) -> set[str]:
    out = set()
    for page in PdfReader(path).pages:
        resources: Any = page["/Resources"]
        out |= {str(f["/BaseFont"]) for f in resources["/Font"].values()}
    return out


def say(lang: str, message: str) -> str:
    with i18n.speaking(lang):
        return i18n.gettext(message)


class TestFileNames:
    def test_the_second_language_carries_its_code(self) -> None:
        assert ["nonpaper.ar.pdf", "steps.ics", "nonpaper.en-ar.pdf"] == [
            in_language("nonpaper.pdf", "ar"),
            in_language("steps.ics", None),
            in_language("nonpaper.pdf", "en-ar"),
        ]

    def test_only_working_languages_are_tags(self) -> None:
        assert [
            ("brief-K7Q2.pdf", "ru"),
            ("nonpaper.pdf", "en-ar"),
            ("notes.de.pdf", None),
            ("brief.pdf", None),
        ] == [
            language_tag(n)
            for n in ("brief-K7Q2.ru.pdf", "nonpaper.en-ar.pdf", "notes.de.pdf", "brief.pdf")
        ]

    def test_readers_read_their_files_in_every_language(self) -> None:
        office = Account("office", Role.INTERLOCUTOR, interlocutor="b-council")
        observer = Account("watch", Role.OBSERVER)
        assert [True, True, False, True, True] == [
            may_read(office, "aide-memoire-K7Q2.ar.pdf", {"K7Q2"}),
            may_read(office, "aide-memoire-K7Q2.pdf", {"K7Q2"}),
            may_read(office, "aide-memoire-ZZZZ.ar.pdf", {"K7Q2"}),
            may_read(observer, "nonpaper.ru.docx"),
            may_read(observer, "nonpaper.en-ar.pdf"),
        ]
        assert shelf_of("brief-K7Q2.fr.pdf").code == "K7Q2"

    def test_one_approval_covers_a_finding_in_each_language(self) -> None:
        hit = Finding(start=0, end=5, text="Haddad", kind="name", participant="c1")
        assert finding_id("nonpaper.pdf", hit) == finding_id("nonpaper.ar.pdf", hit)
        assert finding_id("nonpaper.pdf", hit) != finding_id("brief.pdf", hit)


class TestTheDialogueRecordsThem:
    def test_unknown_repeated_or_lonely_bilingual(self) -> None:
        for languages, bilingual, field in (
            (("en", "de"), False, "languages"),
            (("ar", "ar"), False, "languages"),
            (("fr",), True, "bilingual"),
        ):
            with pytest.raises(BadInputError) as raised:
                Dialogue("T", languages=languages, bilingual=bilingual)
            assert field == raised.value.field

    def test_dialogue_toml_names_the_file_and_field(self, tmp_path: Path) -> None:
        path = tmp_path / "dialogue.toml"
        path.write_text('title = "T"\nlanguages = "fr"\n', encoding="utf-8")
        with pytest.raises(BadInputError) as raised:
            read_dialogue(path)
        assert ("dialogue.toml", "languages") == (raised.value.file, raised.value.field)
        path.write_text('title = "T"\nlanguages = ["es", "en"]\nbilingual = "yes"\n')
        with pytest.raises(BadInputError) as raised:
            read_dialogue(path)
        assert "bilingual" == raised.value.field
        path.write_text('title = "T"\nlanguages = ["es", "en"]\nbilingual = true\n')
        found = read_dialogue(path)
        assert (("es", "en"), True) == (found.languages, found.bilingual)

    def test_kept_in_the_workspace(self, any_store: Workspace) -> None:
        dialogue_service.init_dialogue(any_store, Dialogue("Río Verde"))
        dialogue_service.set_languages(any_store, ("es", "en"), True, actor="lead")
        found = dialogue_service.get_dialogue(any_store)
        assert (("es", "en"), True) == (found.languages, found.bilingual)


def test_every_document_in_english_and_arabic(ws: Workspace, tmp_path: Path) -> None:
    dialogue_service.set_languages(ws, ("en", "ar"), True, actor="lead")
    out = tmp_path / "out"
    written = {p.name for p in export_all(ws, out, actor="lead")}
    plain = {n for n in written if language_tag(n)[1] is None}
    assert {"nonpaper.pdf", "brief.pdf", "meeting-record.pdf", "steps.ics"} <= plain
    assert {in_language(n, "ar") for n in plain} | {"nonpaper.en-ar.pdf"} == written - plain

    # One copy per interlocutor, one code in both languages, traced from either.
    register = aide_memoire.register(ws)
    assert 6 == len(register)
    for copy in register[:2]:
        arabic = out / in_language(aide_memoire.filename(copy.code), "ar")
        assert copy.code == trace(ws, arabic).code
    assert any("Amiri" in f for f in fonts(out / "nonpaper.ar.pdf"))
    assert not any("Amiri" in f for f in fonts(out / "nonpaper.pdf"))

    assert any("Amiri" in f for f in fonts(out / "brief.ar.pdf"))
    assert any("Amiri" in f for f in fonts(out / "meeting-record.ar.pdf"))
    label = say("ar", "Non-paper")
    arabic_md = (out / "nonpaper.ar.md").read_text("utf-8")
    assert label != "Non-paper" and label in arabic_md and "paper" not in arabic_md

    # The bilingual non-paper: both languages' words, both fonts, the steps once in each.
    both = out / "nonpaper.en-ar.pdf"
    text = " ".join(page.extract_text() or "" for page in PdfReader(both).pages)
    assert "This non-paper is informal; it commits no one." in " ".join(text.split())
    assert {"Libertinus", "Amiri"} <= {
        k for k in ("Libertinus", "Amiri") if any(k in f for f in fonts(both))
    }
    assert 2 == text.count("Circulate a one-page list of three triggers")


class TestWrittenTextInAnotherScript:
    def test_isolated_only_when_it_runs_the_other_way(self) -> None:
        with i18n.speaking("ar"):
            english = i18n.embedded("Agree triggers within 90 days.")
            arabic = i18n.embedded("فتح المعبر أسبوعيًا.")
        with i18n.speaking("en"):
            in_english = i18n.embedded("فتح المعبر أسبوعيًا.")
            plain = i18n.embedded("Agree triggers within 90 days.")
        assert "\u2068Agree triggers within 90 days.\u2069" == english
        assert "فتح المعبر أسبوعيًا." == arabic
        assert "\u2068فتح المعبر أسبوعيًا.\u2069" == in_english
        assert "Agree triggers within 90 days." == plain
        with i18n.speaking("ar"):
            assert "2027" == i18n.embedded("2027")  # no strong letter: nothing to isolate
