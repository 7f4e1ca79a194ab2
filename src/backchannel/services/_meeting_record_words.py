"""The meeting record's own words in the language being rendered: the template's headings,
labels and sentences, the names of the rounds, kinds and test fields, times, where the
meeting stands, the facilitator's warnings, and the words of the two pictures.

Marked with `N_` and translated when the record is built, like the non-paper's
(services/outputs.py); English is the source. The names of rounds, kinds and fields are the
same messages as the workbench's (web/terms.py), so one translation serves both. What
people wrote never passes through here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING

from backchannel import i18n
from backchannel.domain.capture import ItemKind, PackageStep
from backchannel.domain.meetings import MINUTES_PER_DAY, Progress
from backchannel.domain.rounds import ROUND_ORDER, RoundName
from backchannel.i18n import N_, gettext, ngettext

if TYPE_CHECKING:  # the charts load matplotlib: only when the pictures are drawn
    from backchannel.evidence.meeting_charts import HeatmapWords, InterestsWords
    from backchannel.services.meetings import MeetingView

TERMS: Mapping[str, str] = {
    # the rounds of a meeting
    "framing": N_("framing"),
    "interests": N_("interests"),
    "options": N_("options"),
    "consequences": N_("consequences"),
    "packaging": N_("packaging"),
    # the kinds of item captured in the interests round
    "interest": N_("interest"),
    "fear": N_("fear"),
    "red_line": N_("red line"),
    "legal": N_("legal"),
    "political": N_("political"),
    "operational": N_("operational"),
    # the consequences of an option for a party
    "gains": N_("gains"),
    "costs": N_("costs"),
    "risks": N_("risks"),
    "spoilers": N_("spoilers"),
    "feasibility": N_("feasibility"),
    "verification": N_("verification"),
}

# What the template writes itself (meeting_record.typ reads them from the data's `words`).
WORDS: Mapping[str, str] = {
    "when": N_("When"),
    "venue": N_("Venue"),
    "state": N_("Where it stands"),
    "parties": N_("Parties"),
    "rounds": N_("The rounds"),
    "rounds_intro": N_(
        "Each round's timebox against the time it took (breaks not counted), and how often "
        "the room entered it. Going back to an earlier round is recorded with its reason."
    ),
    "backs": N_("Back to an earlier round"),
    "warnings": N_("Warnings"),
    "carried_in": N_("Carried in from earlier meetings"),
    "nothing": N_("Nothing."),
    "untested": N_("Options not yet tested against every party's interests"),
    "questions": N_("Consequence questions the room could not answer"),
    "steps": N_("Steps to follow up"),
    "framing": N_("Framing"),
    "reframings": N_("Reframings"),
    "nothing_captured": N_("Nothing captured."),
    "interests": N_("Interests and constraints"),
    "interests_caption": N_(
        "The party-by-item map: interests, fears and red lines; legal, political and "
        "operational constraints. Under each item, how many options address it."
    ),
    "options": N_("Options"),
    "options_intro": N_(
        "Generated without commitment; each with the items (interests and constraints) it "
        "addresses."
    ),
    # TRANSLATORS: before the codes of the items (interests, constraints) an option addresses
    "addresses": N_("Addresses:"),
    "support": N_("Support across parties"),
    "no_ratings": N_("No ratings were imported for this meeting."),
    "support_caption": N_(
        "Mean rating per party, options ranked by support. Grey cells: too few raters to show."
    ),
    "tests": N_("Consequence tests"),
    "tests_intro": N_("Each option tested against one party's interests."),
    # TRANSLATORS: before the consequence questions of a test the room could not answer
    "open": N_("Open:"),
    "packaging": N_("Packaging for Track I"),
    # TRANSLATORS: before the codes of the options a package holds
    "package_options": N_("Options:"),
    "left_open": N_("Left open for the next meeting"),
}
# TRANSLATORS: in place of a party's mean rating withheld because too few of it rated
TOO_FEW = N_("too few")


ITEMS_HEADER = (N_("Code"), N_("Party"), N_("Kind"), N_("Item"), N_("Options"))
# TRANSLATORS: the first column of a package's steps: the step's number in the sequence
STEPS_HEADER = (N_("#"), N_("What"), N_("Who"), N_("When"), N_("How"), N_("Test"))
# TRANSLATORS: "Entered": how many times the room entered the round; "Over": time over it
ROUNDS_HEADER = (N_("Round"), N_("Timebox"), N_("Taken"), N_("Entered"), N_("Over"))
# TRANSLATORS: "n": how many ratings an option has (a column of the support table)
SUPPORT_HEADER = (N_("Rank"), N_("Option"), N_("n"), N_("Mean"), N_("Support"))


def own(text: str) -> str:
    """What people wrote, or a code, inside a line the record composes around it: between
    Unicode first-strong isolates, so it reads in its own direction in a line in the
    document's (an English title in an Arabic line keeps its full stop at its end, an
    Arabic point in an English line too). Invisible in print; the gate reads through them."""
    return i18n.isolated(text)


def words() -> dict[str, str]:
    """The template's words in the language being rendered."""
    return {key: gettext(message) for key, message in WORDS.items()}


def header(names: tuple[str, ...]) -> list[str]:
    return [gettext(n) for n in names]


def term(value: object) -> str:
    """A round, a kind of item or a test field, in the language being rendered."""
    text = str(value)
    known = TERMS.get(text)
    return gettext(known) if known else text.replace("_", " ")


def progress(value: Progress) -> str:
    """Where the meeting stands: not started, in round 2 of 5, interests, finished."""
    if not value.started:
        return gettext("not started")
    if value.finished or value.current is None:
        return gettext("finished")
    where = gettext("in round %(n)s of 5, %(round)s") % {
        "n": ROUND_ORDER.index(value.current) + 1,
        "round": term(value.current),
    }
    return where + (" " + gettext("(paused)") if value.paused else "")


def hours(minutes: int) -> str:
    # TRANSLATORS: a length of time in hours and minutes: "2 h 05"
    return gettext("%(hours)s h %(minutes)s") % {
        "hours": minutes // 60,
        "minutes": f"{minutes % 60:02d}",
    }


def duration(minutes: int) -> str:
    """45 min, 2 h 05."""
    if minutes < 60:
        # TRANSLATORS: a length of time under an hour: "45 min"
        return gettext("%(minutes)s min") % {"minutes": minutes}
    return hours(minutes)


def when(starts: date, days: int) -> str:
    """18 January 2027, or 18 January 2027, 2 days."""
    first = i18n.long_day(starts)
    if days == 1:
        return first
    return ngettext("%(date)s, %(num)s day", "%(date)s, %(num)s days", days) % {
        "date": first,
        "num": days,
    }


def moment(value: datetime) -> str:
    """A day and time in the meeting: 19 Jan 11:30."""
    from babel.dates import format_datetime

    return format_datetime(value, "d MMM HH:mm", locale=i18n.current())


def _day_month(value: date) -> str:
    from babel.dates import format_date

    return format_date(value, "d MMM", locale=i18n.current())


def warnings(view: MeetingView) -> list[str]:
    """The warnings of the meeting (services/meetings.py `meeting_view`) in the language
    being rendered: the timeboxes (domain/meetings.py `agenda_warnings`), then the steps
    of each package due before the step ahead of them (domain/capture.py
    `sequence_warnings`). In English, the same words as the view's."""
    out = []
    agenda, days = view.agenda, view.meeting.days
    capacity = days * MINUTES_PER_DAY
    if agenda.total_minutes > capacity:
        out.append(
            ngettext(
                "the rounds take %(taken)s but %(num)s day(s) hold about %(hours)s of work: "
                "shorten a round or add a day",
                "the rounds take %(taken)s but %(num)s day(s) hold about %(hours)s of work: "
                "shorten a round or add a day",
                days,
            )
            % {"taken": hours(agenda.total_minutes), "num": days, "hours": hours(capacity)}
        )
    if agenda.minutes(RoundName.CONSEQUENCES) < agenda.minutes(RoundName.OPTIONS) // 2:
        out.append(
            gettext(
                "consequence testing has less than half the time of option design: options "
                "that are not tested against each party's interests travel badly"
            )
        )
    for package in view.capture.packages:
        out.extend(_sequence(view.capture.steps_of(package.code)))
    return out


def _sequence(steps: tuple[PackageStep, ...]) -> list[str]:
    out = []
    for before, after in zip(steps, steps[1:], strict=False):
        if after.step.when < before.step.when:
            out.append(
                gettext(
                    "step %(step)s comes after %(before)s in package %(package)s but is due "
                    "earlier (%(due)s before %(other)s)"
                )
                % {
                    "step": own(after.step.id),
                    "before": own(before.step.id),
                    "package": own(after.package),
                    "due": _day_month(after.step.when),
                    "other": _day_month(before.step.when),
                }
            )
    return out


def _signed(value: float) -> str:
    if i18n.current() == "en":
        return f"{value:+.2f}"  # as the record has always written it: -0.60
    return i18n.number(value, 2, signed=True)


def signed(value: float | None) -> str:
    """A mean rating with its sign, +0.80, −0,60, or – for none; in a right-to-left
    document set left to right, its sign before its digits as in the picture."""
    if value is None:
        return "–"
    if i18n.right_to_left():
        return f"\u2066{_signed(value)}\u2069"
    return _signed(value)


def heatmap_words() -> HeatmapWords:
    from backchannel.evidence.meeting_charts import HeatmapWords

    return HeatmapWords(
        # TRANSLATORS: a column of the support heatmap: the mean rating over all parties
        overall=gettext("all"),
        # TRANSLATORS: a column of the support heatmap: the lowest party mean
        support=gettext("support"),
        # TRANSLATORS: the lower end of the rating scale of the support heatmap
        against=gettext("-2 against"),
        # TRANSLATORS: the upper end of the rating scale of the support heatmap
        in_favour=gettext("+2 for"),
        too_few=gettext(TOO_FEW),
        note=_heat_note,
        more=_heat_more,
        number=_signed,
    )


def _heat_note(k: int) -> str:
    return (
        gettext("Mean rating per party, ranked by support (the lowest party mean).")
        + "\n"
        + ngettext(
            "Grey: fewer than %(num)s rater of the party, withheld. –: no rating from that party.",
            "Grey: fewer than %(num)s raters of the party, withheld. –: no rating from that party.",
            k,
        )
        % {"num": k}
    )


def _heat_more(n: int) -> str:
    return " " + ngettext(
        "%(num)s more option not drawn.", "%(num)s more options not drawn.", n
    ) % {"num": n}


def interests_words() -> InterestsWords:
    from backchannel.evidence.meeting_charts import InterestsWords

    return InterestsWords(
        kinds={kind: term(kind) for kind in ItemKind},
        # TRANSLATORS: under a kind of constraint (legal, political, operational) in a chart
        constraint=gettext("constraint"),
        options=_addressed,
        more=_more_lines,
        arrow="\u2190" if i18n.right_to_left() else "\u2192",
        note=gettext(
            "Each item with its code; under it, how many options address it. Red: no option "
            "addresses it yet."
        ),
    )


def _addressed(count: int) -> str:
    if not count:
        return gettext("no option yet")
    return ngettext("%(num)s option", "%(num)s options", count) % {"num": count}


def _more_lines(n: int) -> str:
    return "… " + ngettext("%(num)s more line", "%(num)s more lines", n) % {"num": n}
