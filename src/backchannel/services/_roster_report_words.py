"""The words of the roster report in the language being rendered (`i18n.speaking`): its
headings and boilerplate, what each mix rule asks and what the roster has, the bounds and
the consent notes. What people wrote (channel names, how a consent was given) and the ids,
party codes, gender values and rule names stay as written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from backchannel import i18n
from backchannel.domain.mix import Rule, RuleKind
from backchannel.domain.people import Candidate, Category, Consent
from backchannel.i18n import N_, gettext, ngettext

TITLE = N_("Roster report")
MARKING = N_("Confidential — facilitators only")
NOTICE = N_(
    "This report names no one: ids refer to the facilitators' register in the workspace. "
    "Parties are shown by their code."
)
CHART_CAPTION = N_(
    "Participants by category, party and gender. Dashed marks: the minimum a rule sets; "
    "solid marks: the maximum; red bars are outside a rule."
)
# The report's headings and the sentences of the template, in the template's order.
HEADINGS = {
    "roster": N_("The roster"),
    # TRANSLATORS: a heading of the roster report: the roster's make-up by category, party
    # and gender
    "mix": N_("The mix"),
    "reach": N_("Channels to Track I"),
    "rules": N_("The mix rules"),
    "warnings": N_("Editorial warnings"),
    "consent": N_("Consent to the ground rules"),
}
REACH_INTRO = N_(
    "Which interlocutor each participant’s channel reaches. A required channel comes from "
    "the mix rules; an interlocutor no participant reaches cannot hear the result through "
    "the room."
)
NO_WARNING = N_(
    "None: the room is 10 to 16 people, every category is present and every party’s "
    "interlocutors can be reached."
)
ROSTER_HEADER = (
    # TRANSLATORS: column of the roster report: a participant's id (c001), not a name
    N_("Id"),
    N_("Party"),
    N_("Category"),
    N_("Gender"),
    # TRANSLATORS: column of the roster report: the interlocutors a participant can reach
    N_("Channels"),
    N_("Consent"),
)
MIX_HEADER = (
    "",  # the group: size, category, party, gender
    "",  # the value: a category, a party code, a gender
    # TRANSLATORS: column of the mix table: how many participants have this value
    N_("On the roster"),
    N_("The rules allow"),
    # TRANSLATORS: column of the roster report: whether a mix rule is met (yes / NO)
    N_("Holds"),
)
REACH_HEADER = (
    N_("Interlocutor or channel"),
    N_("Party"),
    # TRANSLATORS: column of the roster report: whether a mix rule requires this channel
    N_("Required"),
    N_("Reached through"),
)
RULES_HEADER = (
    # TRANSLATORS: column of the roster report: a mix rule's name (size.min, party.A.max)
    N_("Rule"),
    # TRANSLATORS: column of the roster report: what a mix rule asks (at least 4 people)
    N_("Asks"),
    N_("The roster has"),
    N_("Holds"),
)
CATEGORIES = {
    Category.AUTHORITATIVE_PROXY.value: N_("authoritative proxy"),
    Category.TECHNICAL_EXPERT.value: N_("technical expert"),
    Category.COMMUNITY_VOICE.value: N_("community voice"),
}
# A sentence's emphasised word is cut out of it here, so a translation may move it.
_CUT = "\x00"


def words(messages: Sequence[str]) -> list[str]:
    return [gettext(m) if m else "" for m in messages]


def split(message: str, **values: str) -> list[str]:
    """A translated sentence cut around its one emphasised value: [before, value, after]."""
    [(key, value)] = values.items()
    before, _, after = (gettext(message) % {key: _CUT}).partition(_CUT)
    return [before, value, after]


def category(value: str) -> str:
    """`technical_expert` -> `technical expert`, in the document's language."""
    known = CATEGORIES.get(str(value))
    return gettext(known) if known else str(value).replace("_", " ")


def yes(value: bool) -> str:
    # TRANSLATORS: in the roster report's tables: a rule holds, a channel is required
    return gettext("yes") if value else gettext("no")


def holds(value: bool) -> str:
    # TRANSLATORS: in the roster report: a rule that does not hold, in capitals to stand out
    return gettext("yes") if value else gettext("NO")


def none() -> str:
    # TRANSLATORS: in the roster report: no channel, no participant
    return gettext("none")


def not_stated() -> str:
    # TRANSLATORS: a value the record does not give (a participant's gender, the scope's
    # success test)
    return gettext("not stated")


def percent(share: float) -> str:
    from babel.numbers import format_percent

    return format_percent(share, locale=i18n.current())


def bounds(low: int | None, high: int | None) -> str:
    """What the rules allow: '12 to 16', 'at least 4', 'at most 5', 'no rule'."""
    if low is not None and high is not None:
        return gettext("%(low)s to %(high)s") % {"low": low, "high": high}
    if low is not None:
        return gettext("at least %(num)s") % {"num": low}
    if high is not None:
        return gettext("at most %(num)s") % {"num": high}
    return gettext("no rule")


def asks(rule: Rule) -> str:
    """What one rule asks of the roster."""
    n, subject = rule.limit, rule.subject
    kind = rule.kind
    if kind is RuleKind.SIZE_MIN:
        return ngettext("at least %(num)s person", "at least %(num)s people", n) % {"num": n}
    if kind is RuleKind.SIZE_MAX:
        return ngettext("at most %(num)s person", "at most %(num)s people", n) % {"num": n}
    if kind is RuleKind.CATEGORY_MIN:
        return gettext("at least %(num)s %(category)s") % {"num": n, "category": category(subject)}
    if kind is RuleKind.CATEGORY_MAX:
        return gettext("at most %(num)s %(category)s") % {"num": n, "category": category(subject)}
    if kind is RuleKind.PARTY_MIN:
        return gettext("at least %(num)s from party %(party)s") % {"num": n, "party": subject}
    if kind is RuleKind.PARTY_MAX:
        return gettext("at most %(num)s from party %(party)s") % {"num": n, "party": subject}
    if kind is RuleKind.GENDER_MIN_SHARE:
        return gettext("at least %(share)s gender %(gender)s") % {
            "share": percent(float(rule.share)),
            "gender": subject,
        }
    if kind is RuleKind.AFFILIATION_MAX_PER:
        return gettext("at most %(num)s from one organisation") % {"num": n}
    if kind is RuleKind.CHANNEL_REQUIRED:
        # TRANSLATORS: what the rule channels.required asks: a participant with a channel
        return gettext("a channel to it")
    return on_roster(kind is RuleKind.INCLUDE)


def on_roster(value: bool) -> str:
    return gettext("on the roster") if value else gettext("not on the roster")


def found(rule: Rule, roster: Sequence[Candidate]) -> str:
    """What the roster has, for one rule: a count, or ids (never an organisation's name)."""
    if rule.kind is RuleKind.AFFILIATION_MAX_PER:
        most = Counter(c.affiliation for c in roster if c.affiliation).most_common(1)
        return gettext("at most %(num)s from one") % {"num": most[0][1] if most else 0}
    if rule.kind is RuleKind.CHANNEL_REQUIRED:
        return ", ".join(c.id for c in roster if rule.counts(c)) or none()
    if rule.kind in (RuleKind.INCLUDE, RuleKind.EXCLUDE):
        return on_roster(any(rule.counts(c) for c in roster))
    count = sum(rule.counts(c) for c in roster)
    if rule.kind is RuleKind.GENDER_MIN_SHARE:
        share = count / len(roster) if roster else 0.0
        return gettext("%(num)s of %(total)s (%(share)s)") % {
            "num": count,
            "total": len(roster),
            "share": percent(share),
        }
    return str(count)


def charter(version: int | None) -> str:
    # TRANSLATORS: a version of the charter of ground rules: v1, v2
    return (
        gettext("none adopted yet") if version is None else gettext("v%(num)s") % {"num": version}
    )


def consent_note(version: int | None, given: Consent | None) -> str:
    """'v2, 2027-01-10 (signed form)', or why there is no consent to the current charter
    (`given`: the participant's consent to it, or None)."""
    if version is None:
        return gettext("no charter adopted yet")
    if given is None:
        return gettext("NO consent to charter %(charter)s") % {"charter": charter(version)}
    return gettext("%(charter)s, %(date)s (%(how)s)") % {
        "charter": charter(given.charter_version),
        "date": given.given_on.isoformat(),
        "how": given.how,
    }


def summary(
    people: int,
    allowed: str,
    *,
    rules: int,
    defaults: bool,
    broken: int,
    problems: int,
    warnings: int,
    consented: int,
    version: int | None,
) -> list[str]:
    """The report's first lines: the room's size, the rules, the warnings and the consent."""
    size = ngettext(
        "%(num)s participant; the rules allow %(bounds)s.",
        "%(num)s participants; the rules allow %(bounds)s.",
        people,
    ) % {"num": people, "bounds": allowed}
    in_force = ngettext("%(num)s rule in force", "%(num)s rules in force", rules) % {"num": rules}
    if defaults:
        in_force = gettext("%(rules)s (the defaults: no mix rules were set)") % {"rules": in_force}
    # TRANSLATORS: how many of the mix rules are broken: "7 rules in force; 2 broken."
    not_held = ngettext("%(num)s broken", "%(num)s broken", broken) % {"num": broken}
    if problems:
        seating = ngettext(
            "%(num)s availability or seating problem",
            "%(num)s availability or seating problems",
            problems,
        ) % {"num": problems}
        rules_line = gettext("%(rules)s; %(broken)s; %(problems)s.") % {
            "rules": in_force,
            "broken": not_held,
            "problems": seating,
        }
    else:
        rules_line = gettext("%(rules)s; %(broken)s.") % {"rules": in_force, "broken": not_held}
    warned = ngettext("%(num)s editorial warning.", "%(num)s editorial warnings.", warnings) % {
        "num": warnings
    }
    if version is None:
        consent = gettext("No charter adopted yet: nobody has consented to the ground rules.")
    else:
        consent = ngettext(
            "%(num)s of %(total)s participant consented to charter %(charter)s.",
            "%(num)s of %(total)s participants consented to charter %(charter)s.",
            people,
        ) % {"num": consented, "total": people, "charter": charter(version)}
    return [size, rules_line, warned, consent]


def rules_source(defaults: bool, set_on: str | None) -> str:
    """Where the rules in force come from, for 'Rules in force: ...'."""
    if defaults or set_on is None:
        return gettext("the defaults (size 10 to 16): no mix rules were set")
    return gettext("the dialogue's mix rules, set %(date)s") % {"date": set_on}


def rules_intro(source: str) -> str:
    return gettext(
        "Rules in force: %(source)s. Always in force as well: unavailable candidates are "
        "not chosen, and two candidates who cannot sit together are not both chosen."
    ) % {"source": source}


def consent_hint(version: int | None) -> str:
    """What to do next; the commands stay as they are typed."""
    record = "'backchannel consent record ID --how ...'"
    if version is None:
        return gettext(
            "Adopt a charter (%(adopt)s), then record each participant's consent (%(record)s)."
        ) % {"adopt": "'backchannel charter adopt'", "record": record}
    return gettext("Record each consent with %(record)s.") % {"record": record}


def current_charter(version: int | None) -> str:
    return gettext("Current charter: %(charter)s.") % {"charter": charter(version)}


def labels() -> dict[str, Any]:
    """The template's own words: headings, sentences and the parts of emphasised ones."""
    return {
        "headings": {k: gettext(v) for k, v in HEADINGS.items()},
        "red_rows": split(
            N_("Rows in %(red)s are participants without consent to the current charter."),
            # TRANSLATORS: "Rows in red are participants without consent ...": the colour
            red=gettext("red"),
        ),
        "reach_intro": gettext(REACH_INTRO),
        "also_broken": gettext("Also broken:"),
        "no_warning": gettext(NO_WARNING),
        "everyone_consented": gettext("Every participant has consented to it."),
        "without_consent": gettext("Without consent:"),
        "should_not": gettext("They should not take part until their consent is recorded."),
    }
