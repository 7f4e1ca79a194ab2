"""The scope linter's words in French, Spanish, Russian and Arabic (scope_lint.py reads
English). Patterns run on the folded text (`_morph.fold`: no accents in French and Spanish,
е for ё, one alef and ه for ة in Arabic); word lists are dictionary words, inflected."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ScopeWords:
    broad: re.Pattern[str]  # more than one problem, or a grand goal
    sectors: dict[str, str]  # family -> words
    goods: str  # travel in lists without making a mandate broad
    talk: str  # activity, not a result
    concrete: str  # something the parties could produce or do
    numbers: dict[str, float]  # number words -> value
    units: dict[str, int]  # unit word (folded form) -> days
    cue_past: re.Pattern[str]  # "depuis deux ans": a past span, not a horizon
    year_end: re.Pattern[str]  # "d'ici la fin de l'année": the end of this year
    by_year: re.Pattern[str]  # "d'ici 2030", "до 2030 года": group "year"
    open_ended: re.Pattern[str]
    geo: str  # nouns of places ("vallée", "معبر")
    not_places: str  # capitalised words that are no place
    generic: str  # after a geographic noun in Arabic: no name ("الضفة الشرقية")
    # verbs (and their nouns) that do or settle something: with one, talk words around a
    # concrete object are no longer only talk (« remettre la liste », not « examiner la liste »)
    acts: str = ""


_F = re.IGNORECASE

FR = ScopeWords(
    broad=re.compile(
        r"\b(?:paix (?:durable|juste|globale|definitive|stable)|reglement (?:global|politique|"
        r"definitif|du conflit|d'ensemble)|accord (?:global|de paix|definitif|d'ensemble)|"
        r"solution (?:globale|politique|durable|definitive)|l'ensemble des (?:questions|"
        r"problemes|dossiers|differends)|toutes les questions|causes profondes|"
        r"reconciliation|normalisation des relations|relations bilaterales|statut final|"
        r"architecture de securite|(?:resoudre|regler|mettre fin au) conflit|"
        r"dans tous ses aspects|de maniere globale|de facon globale|refondation)\b",
        _F,
    ),
    sectors={
        "detention": "détenu prisonnier otage disparu",
        "water": "eau irrigation",
        "energy": "énergie électricité carburant gaz",
        "food": "alimentation agriculture récolte pêche",
        "health": "santé médical vaccination",
        "education": "éducation école scolarisation scolaire",
        "security": "sécurité militaire désarmement démobilisation police",
        "economy": "économie économique commerce commercial douane banque finance emploi",
        "governance": "gouvernance politique élection constitution décentralisation",
        "justice": "justice",
        "displacement": "déplacé réfugié retour",
        "land": "terre foncier propriété logement",
        "demining": "mine déminage",
        "infrastructure": "infrastructure reconstruction transport",
    },
    goods="eau carburant électricité médicament vivres alimentation",
    talk="favoriser promouvoir renforcer renforcement dialogue discuter discussion réfléchir "
    "réflexion encourager améliorer amélioration confiance climat soutenir contribuer "
    "poursuivre maintenir contact échange vue jeter base intérêt œuvrer oeuvrer "
    "rapprochement concertation examiner examen étudier aborder évoquer",
    concrete="calendrier liste mécanisme protocole horaire règle carte tracé couloir "
    "procédure seuil quota convoi échange libération remise équipe comité commission "
    "inventaire registre feuille texte projet accord mémorandum ligne permis laissez-passer "
    "modalité notification itinéraire point passage ouverture réouverture déminage "
    "évacuation réparation visite conduite réseau approvisionnement station pont piste puits "
    "pylône groupe recensement",
    numbers={
        "un": 1,
        "une": 1,
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
        "douze": 12,
        "quinze": 15,
        "vingt": 20,
        "trente": 30,
        "quarante": 40,
        "quarante-cinq": 45,
        "cinquante": 50,
        "soixante": 60,
        "quatre-vingt-dix": 90,
        "cent": 100,
        "quelques": 3,
        "plusieurs": 5,
    },  # fmt: skip
    units={
        "jour": 1,
        "jours": 1,
        "semaine": 7,
        "semaines": 7,
        "mois": 30,
        "an": 365,
        "ans": 365,
        "annee": 365,
        "annees": 365,
        "trimestre": 90,
        "trimestres": 90,
    },  # fmt: skip
    cue_past=re.compile(r"(?:depuis|il y a|voici|voila|pendant les|apres)\s+$"),
    year_end=re.compile(r"\b(?:d'ici|avant) (?:la )?fin (?:de l'annee|de cette annee|d'annee)"),
    by_year=re.compile(
        r"\b(?:d'ici|avant|jusqu'en|a l'horizon|horizon|en) (?:la fin de |fin )?"
        r"(?P<year>(?:19|20)\d\d)\b"
    ),  # fmt: skip
    open_ended=re.compile(r"\b(?:durable|permanent|a long terme|a terme)\b"),
    geo="vallée bassin barrage pont col route village ville province district région frontière "
    "point passage couloir rivière fleuve lac camp quartier commune préfecture canton "
    "département port aéroport marché piste",
    not_places="janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre nations unies croix-rouge cicr onu front comité commission conseil ministère",
    generic="",
    acts="rétablir rétablissement remettre réparer réparation rouvrir ouvrir livrer livraison "
    "déminer libérer installer remplacer distribuer transmettre signer convenir arrêter adopter "
    "fixer établir parvenir publier échanger désigner évacuer restituer verser",
)

ES = ScopeWords(
    broad=re.compile(
        r"\b(?:paz (?:duradera|estable|justa|definitiva|integral)|acuerdo (?:integral|global|"
        r"de paz|definitivo)|solucion (?:integral|global|politica|definitiva|duradera)|"
        r"todas las cuestiones|todos los temas|causas (?:profundas|estructurales)|"
        r"reconciliacion|normalizacion de las relaciones|relaciones bilaterales|estatuto final|"
        r"(?:resolver|poner fin al|solucionar) (?:el )?conflicto|arquitectura de seguridad|"
        r"en todas sus dimensiones|de manera integral|de forma integral)\b",
        _F,
    ),
    sectors={
        "detention": "detenido preso prisionero rehén desaparecido",
        "water": "agua riego",
        "energy": "energía electricidad combustible gas energético",
        "food": "alimentación agricultura cosecha pesca",
        "health": "salud médico vacunación",
        "education": "educación escuela",
        "security": "seguridad militar desarme desmovilización policía",
        "economy": "economía económico comercio comercial aduana banca finanzas empleo",
        "governance": "gobernanza político elección constitución descentralización",
        "justice": "justicia",
        "displacement": "desplazado refugiado retorno",
        "land": "tierra propiedad vivienda",
        "demining": "mina desminado",
        "infrastructure": "infraestructura reconstrucción transporte circulación",
    },
    goods="agua combustible electricidad medicamento víveres alimento",
    talk="fomentar promover fortalecer fortalecimiento diálogo discutir discusión reflexionar "
    "reflexión alentar mejorar mejora confianza clima apoyar contribuir continuar mantener "
    "contacto intercambio opinión sentar base facilitar interés acercamiento examinar analizar "
    "abordar",
    concrete="calendario lista mecanismo protocolo horario regla mapa trazado corredor "
    "procedimiento umbral cupo convoy canje liberación entrega equipo comité comisión "
    "inventario registro texto borrador acuerdo memorando línea permiso salvoconducto "
    "notificación ruta punto paso apertura reapertura desminado evacuación reparación visita "
    "turno plan estación suministro red tubería acueducto pozo puente censo padrón",
    numbers={
        "un": 1,
        "una": 1,
        "dos": 2,
        "tres": 3,
        "cuatro": 4,
        "cinco": 5,
        "seis": 6,
        "siete": 7,
        "ocho": 8,
        "nueve": 9,
        "diez": 10,
        "doce": 12,
        "quince": 15,
        "veinte": 20,
        "treinta": 30,
        "cuarenta": 40,
        "cincuenta": 50,
        "sesenta": 60,
        "noventa": 90,
        "cien": 100,
        "unos": 3,
        "varios": 5,
    },  # fmt: skip
    units={
        "dia": 1,
        "dias": 1,
        "semana": 7,
        "semanas": 7,
        "mes": 30,
        "meses": 30,
        "ano": 365,
        "anos": 365,
        "trimestre": 90,
        "trimestres": 90,
    },  # fmt: skip
    cue_past=re.compile(r"(?:desde hace|hace|desde|tras|despues de)\s+$"),
    year_end=re.compile(r"\b(?:antes de|para|a) (?:el )?fin(?:al)? de(?:l)? (?:ano|este ano)"),
    by_year=re.compile(
        r"\b(?:antes de|para|hasta|de aqui a|en) (?:fines de |finales de |el ano )?"
        r"(?P<year>(?:19|20)\d\d)\b"
    ),  # fmt: skip
    open_ended=re.compile(r"\b(?:duradera|permanente|a largo plazo|sostenible)\b"),
    geo="valle cuenca represa presa puente paso carretera camino pueblo ciudad provincia "
    "distrito región frontera corredor río lago campamento barrio municipio vado canal "
    "estación puerto aeropuerto mercado vereda",
    not_places="enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre naciones unidas cruz roja cicr onu frente comité comisión consejo ministerio",
    generic="",
    acts="restablecer restablecimiento rehabilitar reparar reabrir abrir entregar desminar "
    "liberar instalar reemplazar distribuir remitir firmar acordar convenir adoptar fijar "
    "establecer alcanzar publicar canjear designar evacuar restituir pagar",
)

RU = ScopeWords(
    broad=re.compile(
        r"(?:всеобъемлющ|всесторонн|комплексн\w* урегулировани|урегулировани\w* конфликта|"
        r"политическ\w* урегулировани|окончательн\w* урегулировани|прочн\w* (?:и \w+ )?мир|"
        r"долгосрочн\w* мир|справедлив\w* мир|мирн\w* (?:соглашени|договор|урегулировани)|"
        r"примирени|коренн\w* причин|все вопросы|всех вопросов|всего комплекса|"
        r"окончательн\w* статус|нормализаци\w* отношений|двусторонн\w* отношени|"
        r"архитектур\w* безопасности)",
        _F,
    ),
    sectors={
        "detention": "задержанный пленный заложник пропавший",
        "water": "вода водный ирригация водоснабжение",
        "energy": "энергия электричество электроснабжение топливо газ",
        "food": "продовольствие сельский урожай",
        "health": "здравоохранение медицинский вакцинация",
        "education": "образование школа школьный",
        "security": "безопасность военный разоружение демобилизация полиция",
        "economy": "экономика экономический торговля таможня банк финансы",
        "governance": "управление политический выборы конституция",
        "humanitarian": "гуманитарный",
        "land": "земля земельный собственность жилье",
        "displacement": "беженец переселенец возвращение",
        "demining": "мина разминирование",
        "infrastructure": "инфраструктура восстановление транспорт",
    },
    goods="вода топливо электричество лекарство продовольствие",
    talk="содействовать способствовать поддерживать поддержка продолжить продолжать обмен "
    "мнение контакт укрепление доверие диалог обсуждение обсудить взаимопонимание "
    "сотрудничество развивать основа интерес рассмотреть изучить",
    concrete="график расписание список перечень механизм протокол порядок правило карта "
    "маршрут коридор процедура порог квота колонна конвой обмен освобождение передача "
    "группа комитет комиссия реестр текст проект соглашение меморандум линия пропуск "
    "уведомление пункт переход открытие разминирование эвакуация ремонт осмотр водоснабжение "
    "электроснабжение водопровод газоснабжение подача мост перепись",
    numbers={
        "один": 1,
        "одного": 1,
        "два": 2,
        "двух": 2,
        "две": 2,
        "три": 3,
        "трех": 3,
        "четыре": 4,
        "четырех": 4,
        "пять": 5,
        "пяти": 5,
        "шесть": 6,
        "шести": 6,
        "семь": 7,
        "семи": 7,
        "восемь": 8,
        "восьми": 8,
        "девять": 9,
        "десять": 10,
        "десяти": 10,
        "пятнадцать": 15,
        "двадцать": 20,
        "тридцать": 30,
        "тридцати": 30,
        "сорок": 40,
        "сорока": 40,
        "пятьдесят": 50,
        "шестьдесят": 60,
        "шестидесяти": 60,
        "девяносто": 90,
        "несколько": 3,
        "нескольких": 3,
    },  # fmt: skip
    units={
        "день": 1,
        "дня": 1,
        "дней": 1,
        "дни": 1,
        "неделя": 7,
        "недели": 7,
        "недель": 7,
        "неделю": 7,
        "месяц": 30,
        "месяца": 30,
        "месяцев": 30,
        "месяцы": 30,
        "год": 365,
        "года": 365,
        "лет": 365,
        "годы": 365,
        "квартал": 90,
        "квартала": 90,
    },  # fmt: skip
    cue_past=re.compile(r"(?:уже|назад|спустя|после|за последние|последние|прошедшие)\s+$"),
    year_end=re.compile(r"(?:до|к) конц\w* (?:текущего |этого )?года"),
    by_year=re.compile(r"(?:до|к|не позднее) (?:конца )?(?P<year>(?:19|20)\d\d)"),
    open_ended=re.compile(r"(?:прочн|долгосрочн|постоянн|устойчив)\w*"),
    geo="долина бассейн плотина гидроузел мост перевал дорога село поселок город область "
    "район регион граница пункт переход коридор река озеро лагерь водохранилище станция "
    "порт аэропорт рынок",
    not_places="январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь "
    "декабрь оон мккк красный крест комитет комиссия совет министерство",
    generic="",
    acts="выработать создать провести восстановить восстановление отремонтировать открыть "
    "доставить разминировать освободить установить заменить раздать передать подписать "
    "согласовать утвердить принять "
    "определить достичь договориться опубликовать обменяться назначить эвакуировать выплатить",
)

AR = ScopeWords(
    broad=re.compile(
        r"(?:سلام (?:شامل|دائم|عادل|مستدام)|تسويه (?:شامله|سياسيه|نهائيه)|حل (?:شامل|سياسي|"
        r"نهائي|جذري)|اتفاق (?:سلام|شامل|نهائي)|(?:جميع|كافه|كل) (?:القضايا|الملفات|المسائل)|"
        r"جذور (?:الصراع|النزاع)|الاسباب الجذريه|المصالحه|تطبيع العلاقات|العلاقات الثنائيه|"
        r"الوضع النهائي|(?:ينهي|انهاء|حل|تسويه) (?:النزاع|الصراع)|بشكل شامل|بصوره شامله)"
    ),
    sectors={
        "detention": "المحتجزين المعتقلين الأسرى الرهائن المفقودين",
        "water": "المياه مياه الري",
        "energy": "الكهرباء الطاقة الوقود",
        "food": "الغذاء الزراعة المحاصيل",
        "health": "الصحة الصحية",
        "education": "التعليم المدارس",
        "security": "الأمن الأمنية العسكرية نزع السلاح",
        "economy": "الاقتصاد الاقتصادية التجارة الجمارك",
        "governance": "الحكم السياسية الانتخابات الدستور",
        "displacement": "النازحين اللاجئين عودة",
        "land": "الأراضي الملكية السكن",
        "infrastructure": "الإعمار البنية",
    },
    goods="المياه الوقود الكهرباء الأدوية الغذاء",
    talk="تعزيز الحوار بناء الثقة تبادل وجهات النظر دعم تشجيع تحسين التفاهم التواصل مناقشة "
    "بحث التعاون",
    concrete="جدول قائمة آلية بروتوكول خريطة خطة مسار ممر إجراءات عتبة حصة قافلة تبادل إفراج "
    "تسليم فريق لجنة سجل نص مسودة اتفاق مذكرة خط تصريح إخطار معبر نقطة فتح تشغيل نزع "
    "إزالة إخلاء إصلاح زيارة محطة",
    numbers={
        "واحد": 1,
        "اثنين": 2,
        "ثلاثه": 3,
        "ثلاث": 3,
        "اربعه": 4,
        "اربع": 4,
        "خمسه": 5,
        "خمس": 5,
        "سته": 6,
        "ست": 6,
        "سبعه": 7,
        "ثمانيه": 8,
        "تسعه": 9,
        "عشره": 10,
        "عشر": 10,
        "خمسه عشر": 15,
        "عشرين": 20,
        "ثلاثين": 30,
        "اربعين": 40,
        "خمسه واربعين": 45,
        "خمسين": 50,
        "ستين": 60,
        "سبعين": 70,
        "ثمانين": 80,
        "تسعين": 90,
        "مائه": 100,
        "مئه": 100,
        "بضعه": 3,
        "عده": 5,
    },  # fmt: skip
    units={
        "يوم": 1,
        "يوما": 1,
        "ايام": 1,
        "اسبوع": 7,
        "اسابيع": 7,
        "اسبوعا": 7,
        "اسبوعين": 14,
        "شهر": 30,
        "شهرا": 30,
        "اشهر": 30,
        "شهور": 30,
        "شهرين": 60,
        "الشهرين": 60,
        "سنه": 365,
        "سنوات": 365,
        "عام": 365,
        "اعوام": 365,
        "عامين": 730,
        "سنتين": 730,
        "الاسابيع": 7,
        "الاشهر": 30,
        "الايام": 1,
    },  # fmt: skip
    cue_past=re.compile(r"(?:منذ|قبل|بعد مرور)\s+$"),
    year_end=re.compile(r"(?:بحلول|قبل) نهايه (?:العام|السنه|هذا العام)"),
    by_year=re.compile(r"(?:بحلول|قبل|حتى) (?:نهايه )?(?:عام |العام )?(?P<year>(?:19|20)\d\d)"),
    open_ended=re.compile(r"(?:دائم|مستدام|طويل الامد|على المدى الطويل)"),
    geo="محطة بئر معبر وادي نهر محافظة محافظتي مخيم مخيمات مدينة قرية بلدة حي جسر سد ميناء "
    "مطار طريق "
    "سهل جبل بحيرة إقليم ولاية قضاء ناحية مديرية حوض ضفة منطقة بوابة هضبة ساحل جزيرة سوق "
    "مرفأ واحة",
    not_places="",
    generic="الشرقيه الغربيه الشماليه الجنوبيه الحدوديه المشتركه الانسانيه الحدود المنطقه "
    "الطرفين الجانبين المعنيه الرئيسي الرئيسيه",
    acts="إعادة استعادة إصلاح فتح تسليم نزع إزالة الإفراج تركيب استبدال توزيع توقيع الاتفاق "
    "اعتماد تحديد التوصل إقرار نشر تبادل تعيين إخلاء صرف",
)

WORDS = {"fr": FR, "es": ES, "ru": RU, "ar": AR}
