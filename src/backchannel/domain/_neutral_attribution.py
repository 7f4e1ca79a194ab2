"""The words around a loaded term that change what it does, in each language the linter reads.

- `labelling`: verbs and nouns that put a label in someone else's mouth ("A calls them",
  « ce que le ministère qualifie de », "которых министерство называет", «ما تصفه الحكومة
  بـ»). A loaded term after one is reported as `attributed`, a note: the convenor decides
  whether the attribution is needed.
- `not_labelling`: what makes a verb of calling a demand instead ("calls for", « appelle à »);
  `calling` lists those verbs.
- `speech`: words that name a speaker; a quoted term in their sentence is attributed too.
- `legal`: words that make a legal characterisation a statement about the law or a question
  ("may amount to", « pourrait constituer », "может расцениваться как", «قد يرقى إلى»).

Words are dictionary forms, inflected by `_morph.forms` for every language but English,
whose forms are listed.
"""

from __future__ import annotations

from functools import cache

from backchannel.domain._lang_text import vocabulary

_EN_LABELLING = (
    "call calls called calling describe describes described describing term terms termed "
    "label labels labelled labeled labelling labeling brand brands branded dub dubs dubbed "
    "characterise characterises characterised characterize characterizes characterized "
    "refer refers referred consider considers considered regard regards regarded deem deems "
    "deemed view views viewed perceive perceives perceived allege alleges alleged allegedly "
    "allegation allegations accuse accuses accused accusing accusation accusations deny "
    "denies denied denying claim claims claimed designate designates designated designation "
    "list listed proscribed proscription condemn condemns condemned speak speaks spoke spoken "
    "speaking"
)
_EN_SPEECH = (
    "say says said saying told tell tells stated states statement according declared "
    "announced wrote writes insisted insists argued argues added quoted words"
)
_EN_LEGAL = (
    "may might could can would if whether amount amounts amounting constitute constitutes "
    "constituting prohibit prohibits prohibited prohibition prohibiting define defines "
    "defined definition prosecute prosecuted prosecution investigate investigates "
    "investigated investigating investigation inquiry punish punishable prevent prevention "
    "tribunal court listed list lists classified classifies statute article convention "
    "criminalised criminalized codified"
)

_LABELLING = {
    "fr": "appeler appelle appellent qualifier traiter désigner présenter décrire dénoncer "
    "accuser accusation taxer baptiser surnommer nommer considérer percevoir prétendre "
    "prétendu alléguer allégation revendiquer étiqueter cataloguer parler qualification "
    "dépeindre",
    "es": "llamar calificar tildar denominar describir designar acusar acusación tachar "
    "considerar bautizar catalogar presentar etiquetar referirse alegar alegación hablar "
    "motejar pintar",
    "ru": "называть назвать именовать квалифицировать характеризовать считать обвинять "
    "обвинить обвинение заклеймить клеймить объявить окрестить изображать величать "
    "признать определять определить говорить",
    "ar": "يصف تصف وصف وصفت يصفون وصفوا يسمي تسمي سمى سمت يسمون تسميه يسميه تسميها يسميها "
    "تسميهم يسميهم يطلق تطلق أطلق أطلقت يطلقون يعتبر تعتبر اعتبر اعتبرت يتهم تتهم اتهم "
    "اتهمت اتهام يصنف تصنف صنف صنفت تصنيف ينعت تنعت نعت نعتت يوصف توصف يدعو تدعو يرى ترى "
    "يرون رأى رأت عد عدت يعد تعد يعدون",
}
_NOT_LABELLING = {
    "en": "for on upon off up",
    "fr": "à a au aux",
    "es": "a al",
    "ar": "الى إلى",
}
# The verbs a preposition turns into a demand ("calls for", « appelle à », «يدعو إلى»); after
# others it is only the object's (« acusa a la otra de crímenes de guerra »).
_CALLING = {
    "en": "call calls called calling",
    "fr": "appeler",
    "es": "llamar",
    "ar": "يدعو تدعو دعا دعت يدعون",
}
_SPEECH = {
    "fr": "dire déclarer affirmer selon estimer ajouter écrire insister souligner expliquer "
    "indiquer préciser assurer soutenir répéter citer propos terme déclaration dit",
    "es": "decir declarar afirmar según sostener añadir escribir insistir asegurar señalar "
    "indicar explicar palabra declaración dicho",
    "ru": "заявить заявлять сказать говорить утверждать писать написать сообщить сообщать "
    "подчеркнуть подчеркивать словам слово мнение версия заявление",
    "ar": "قال قالت يقول تقول صرح صرحت أعلن أعلنت أكد أكدت أفاد أفادت ذكر ذكرت وفق وفقا "
    "بحسب حسب حسبما كتب كتبت بيان تصريح تعبير",
}
_LEGAL = {
    "fr": "peut peuvent pourrait pourraient pouvoir susceptible constituer constituerait "
    "relever si enquête tribunal cour interdire interdiction définir définition poursuivre "
    "juger sens éventuel",
    "es": "puede pueden podría podrían poder susceptible constituir constituiría si "
    "investigar investigación tribunal corte prohibir prohibición definir definición juzgar "
    "eventual",
    "ru": "может могут могло мог могла могли если расследование "
    "расследовать суд трибунал запрещать запрет определение возможный",
    "ar": "قد يرقى ترقى تحقيق محكمة إذا القانون تعريف يحظر حظر محتمل",
}


@cache
def labelling(lang: str) -> frozenset[str]:
    if lang == "en":
        return frozenset(_EN_LABELLING.split())
    return vocabulary(_LABELLING.get(lang, ""), lang)


@cache
def not_labelling(lang: str) -> frozenset[str]:
    return vocabulary(_NOT_LABELLING.get(lang, ""), "en" if lang == "en" else lang)


@cache
def calling(lang: str) -> frozenset[str]:
    if lang == "en":
        return frozenset(_CALLING["en"].split())
    return vocabulary(_CALLING.get(lang, ""), lang)


@cache
def speech(lang: str) -> frozenset[str]:
    if lang == "en":
        return labelling("en") | frozenset(_EN_SPEECH.split())
    return labelling(lang) | vocabulary(_SPEECH.get(lang, ""), lang)


@cache
def legal(lang: str) -> frozenset[str]:
    if lang == "en":
        return frozenset(_EN_LEGAL.split())
    return vocabulary(_LEGAL.get(lang, ""), lang)
