"""The steps checker's words in French, Spanish, Russian and Arabic.

Each language lists dictionary words (inflected by `_morph.forms`) and phrases
(comma-separated). The English words stay in step_check.py, where the checker began.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StepWords:
    skip: str  # words before the act: subjects, modals, adverbs
    empty_verbs: str  # commit to nothing whatever follows
    soft_verbs: str  # acceptable only with something concrete to do
    passive: re.Pattern[str]  # a passive non-action, on the folded text
    concrete: str  # things one can hand over, count, see or attend
    numbers: str
    vague_objects: str
    nobody_words: str  # a who made only of these (and filler) is no one
    vague_qualifiers: str  # "concernés", "compétentes": no one in particular
    offices: str  # words that name a body someone can hold to a date
    person: re.Pattern[str]  # a person's title, on the raw text
    empty_means: str  # phrases
    filler: str
    evidence: str  # what a test can point to
    verifiable: str  # participles and verbs that leave a trace
    vague_outcomes: str
    means_words: str  # a how made only of these (and filler) names no means
    # A `what` that opens with a noun must open with the noun of an act (« Remise de la
    # liste »); other nouns and adjectives name an end state (« Rétablissement de ... »,
    # «بالانتظام»). In Arabic the verbal noun is the act, so the list there is of states.
    act_nouns: str = ""
    state_nouns: str = ""


_FR = StepWords(
    skip="les le la l des de du d un une et à au aux deux parties partie nous on ils elles "
    "conjointement ensemble également aussi puis afin pour devoir pouvoir s se il elle chaque "
    "côté cote",
    empty_verbs="examiner examen étudier étude envisager réfléchir réflexion explorer "
    "exploration encourager encouragement saluer noter reconnaître considérer considération "
    "viser chercher tâcher efforcer œuvrer oeuvrer favoriser souhaiter espérer aspirer "
    "inviter appeler",
    soft_verbs="renforcer renforcement promouvoir promotion améliorer amélioration soutenir "
    "soutien appuyer appui faciliter facilitation développer développement assurer garantir "
    "veiller accroître intensifier intensification approfondir approfondissement élargir "
    "consolider consolidation coordonner coordination poursuivre poursuite continuer "
    "discuter discussion dynamiser redynamiser mobiliser mobilisation sensibiliser "
    "sensibilisation accompagner accompagnement contribuer engager engagement dialoguer "
    "travailler optimiser valoriser impulser relancer normaliser normalisation apaiser réduire "
    "diminuer",
    passive=re.compile(
        r"\b(?:sera|seront|serait|seraient|est|sont|doit etre|doivent etre|devra etre|"
        r"devront etre|pourra etre|pourront etre|va etre|vont etre|a etre)\s+(?:\w+\s+)?"
        r"(?:examine|etudie|envisage|discute|considere|explore|aborde|evalue|analyse|"
        r"reflechi|pris en compte|pris en consideration|debattu|revu|reexamine|"
        r"prise? en compte|prises en compte|pris en charge|examines|examinees?|etudiees?|"
        r"envisagees?|discutees?|abordees?|evaluees?|analysees?|revues?|consideree?s?|"
        r"debattues?|explorees?)\b"
        r"|\b(?:fera|feront|fait|font) l.objet d.(?:un|une) (?:examen|etude|reflexion|"
        r"evaluation|analyse|discussion)"
    ),
    concrete="liste lettre note mémo mémorandum calendrier carte rapport bulletin protocole "
    "texte projet procès-verbal compte-rendu appel réunion visite convoi camion passage "
    "atelier déclaration avis journal registre manifeste reçu commentaire signature seuil "
    "chiffre budget plan formulaire fiche ordre circulaire instruction courriel message "
    "photographie ligne canal exposé échange libération transfert livraison envoi scellé "
    "inspection observateur équipe bureau point poste tonne litre kilomètre patrouille "
    "laissez-passer permis autorisation document dossier tableau accord relevé tour session",
    numbers="deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt "
    "trente quarante cinquante cent mille premier première second seconde deuxième "
    "troisième quatrième cinquième sixième hebdomadaire quotidien mensuel douzaine",
    vague_objects="coopération relation dialogue confiance compréhension synergie capacité "
    "engagement effort situation processus stabilité paix dynamique partenariat "
    "rapprochement concertation climat tension",
    nobody_words="acteur partie partenaire autorité intervenant protagoniste société civile "
    "communauté internationale donateur bailleur tout tous toutes chacun monde personne "
    "quelqu'un intéressé institution structure service organisme instance responsable "
    "déterminer définir prenant eux elles ils nous lui",
    vague_qualifiers="concerné compétent approprié pertinent intéressé idoine ad hoc "
    "responsable divers différent",
    offices="ministère ministre secrétariat commission comité bureau direction office agence "
    "mission gouvernorat préfecture mairie cellule unité conseil délégation ambassade "
    "administration gendarmerie police douane croix-rouge cicr hcr onu pnud unicef équipe "
    "plateforme coordination groupe facilitateur facilitation présidence point focal "
    "inspection état-major tribunal autorité",
    person=re.compile(
        r"(?i)^\s*(?:(?:le|la)\s+)?(?:m\.|mme\b|mlle\b|me\b|dr\b|pr\b|s\.\s?e\.|monsieur|"
        r"madame|mademoiselle|docteur|professeur|général\s+(?-i:[A-ZÀ-Ý])|colonel\s+(?-i:[A-ZÀ-Ý])|"
        r"ministre\s+(?-i:[A-ZÀ-Ý]))"
    ),
    empty_means="par les voies appropriées, par les canaux appropriés, par les voies "
    "habituelles, par les canaux habituels, par les voies diplomatiques habituelles, par les "
    "moyens appropriés, selon les modalités appropriées, selon des modalités à définir, "
    "selon les modalités à définir, modalités à définir, à définir, à déterminer, à préciser, "
    "le cas échéant, si nécessaire, au besoin, en tant que de besoin, dans les meilleurs "
    "délais, en temps utile, dès que possible, par tous les moyens, par tous moyens, dans un "
    "esprit de coopération, dans un esprit de dialogue, dans un esprit constructif, en "
    "étroite coordination, en étroite concertation, par le dialogue, par la concertation, "
    "par la coopération, par la coordination, par les mécanismes existants, via les "
    "mécanismes existants, par des moyens divers, de diverses manières, selon qu'il conviendra, "
    "comme il convient, en tant que de besoin, dans le cadre du dialogue, dans le cadre des "
    "discussions, via les canaux habituels, via les canaux appropriés, de manière concertée, "
    "de façon concertée, de manière coordonnée, etc",
    filler="le la les l de des du d un une et ou en par pour avec dans sur à au aux tout tous "
    "toutes leur leurs son sa ses existant approprié bon étroit",
    evidence="liste lettre note mémo mémorandum calendrier carte rapport bulletin protocole "
    "texte projet procès-verbal compte-rendu déclaration avis journal registre manifeste "
    "reçu accusé commentaire signature seuil chiffre formulaire fiche circulaire courriel "
    "message photographie relevé copie document dossier tableau communiqué décision arrêté "
    "décret attestation certificat",
    verifiable="signer publier consigner enregistrer compter recevoir remettre transmettre "
    "envoyer adresser notifier confirmer livrer franchir arriver ouvrir fermer libérer "
    "transférer soumettre diffuser adopter nommer désigner convoquer tenir inspecter sceller "
    "inscrire déposer afficher verser archiver valider contresigner viser parapher annoncer "
    "figurer apparaître répondre remis transmis tenu inscrit apparu reçu ouvert mis pris offert",
    vague_outcomes="confiance relation coopération climat atmosphère dialogue compréhension "
    "sensibilisation engagement amélioration améliorer renforcer renforcement progrès "
    "dynamique volonté esprit positif constructif fructueux satisfaisant meilleur "
    "rapprochement apaisement bonne-foi",
    means_words="moyen voie canal mécanisme modalité manière approprié habituel pertinent "
    "nécessaire adéquat usuel existant idoine requis normal officiel diplomatique "
    "concertation coordination dialogue coopération régulier ordinaire usuel",
    act_nouns="remise transmission livraison envoi publication signature tenue ouverture "
    "réouverture installation déminage échange visite mission atelier distribution versement "
    "paiement évacuation inspection relevé cartographie désignation nomination rédaction "
    "présentation dépôt convocation réunion organisation réalisation conduite élaboration "
    "établissement adoption notification communication diffusion affichage délivrance "
    "remplacement réparation pose retrait levée transfert restitution",
)

_ES = StepWords(
    skip="los las el la lo de del un una unos unas y e a al ambas ambos partes parte nosotros "
    "conjuntamente juntos también además luego para deber poder se cada lado",
    empty_verbs="examinar examen estudiar estudio explorar exploración considerar "
    "consideración reflexionar reflexión analizar análisis evaluar evaluación valorar "
    "contemplar procurar buscar aspirar esperar alentar animar instar exhortar saludar "
    "reconocer tomar",
    soft_verbs="fortalecer fortalecimiento reforzar refuerzo promover promoción mejorar mejora "
    "apoyar apoyo impulsar impulso fomentar fomento facilitar facilitación desarrollar "
    "desarrollo asegurar garantizar velar aumentar intensificar profundizar ampliar "
    "consolidar consolidación coordinar coordinación continuar proseguir seguir discutir "
    "dialogar trabajar avanzar contribuir acompañar acompañamiento sensibilizar "
    "sensibilización articular articulación dinamizar propiciar generar normalizar normalización "
    "reducir disminuir acoger",
    passive=re.compile(
        r"\bse (?:estudiara|estudiaran|examinara|examinaran|considerara|consideraran|"
        r"analizara|analizaran|explorara|exploraran|evaluara|evaluaran|abordara|abordaran|"
        r"discutira|discutiran|valorara|valoraran|revisara|revisaran|debatira|debatiran|"
        r"contemplara|contemplaran|tendra en cuenta|tendran en cuenta|estudia|examina|"
        r"considera|analiza|evalua|aborda|discute|valora|revisa|procurara|buscara)\b"
        r"|\b(?:sera|seran|es|son|debe ser|deben ser|debera ser|deberan ser|podra ser|"
        r"podran ser|va a ser|van a ser|queda|quedan)\s+(?:\w+\s+)?(?:estudiad|examinad|"
        r"considerad|analizad|explorad|evaluad|abordad|discutid|valorad|revisad|debatid|"
        r"contemplad|tenid[oa]s? en cuenta)[oa]?s?\b"
        r"|\b(?:sera|seran) objeto de (?:un |una )?(?:estudio|examen|analisis|evaluacion|"
        r"reflexion|discusion)"
    ),
    concrete="lista carta nota memorando calendario cronograma mapa informe boletín protocolo "
    "texto borrador acta llamada reunión visita convoy camión cruce paso taller declaración "
    "aviso registro manifiesto recibo comentario firma umbral cifra presupuesto plan "
    "formulario ficha orden circular instrucción correo mensaje fotografía línea canal "
    "intercambio liberación traslado entrega envío sello inspección observador equipo "
    "oficina puesto tonelada litro kilómetro patrulla permiso salvoconducto autorización "
    "documento expediente cuadro acuerdo relación ronda sesión",
    numbers="dos tres cuatro cinco seis siete ocho nueve diez once doce quince veinte "
    "treinta cuarenta cincuenta cien ciento mil primero primera segundo segunda tercero "
    "tercera cuarto cuarta quinto quinta sexto semanal diario mensual docena",
    vague_objects="cooperación relación diálogo confianza entendimiento comprensión sinergia "
    "capacidad compromiso esfuerzo situación proceso estabilidad paz dinámica asociación "
    "acercamiento clima convivencia tensión",
    nobody_words="actor parte socio autoridad interviniente sociedad civil comunidad "
    "internacional donante cooperante todo todos todas cada uno mundo nadie alguien "
    "interesado institución entidad instancia organismo responsable definir determinar "
    "ellos ellas ustedes nosotros él",
    vague_qualifiers="pertinente competente correspondiente apropiado involucrado interesado "
    "concernido respectivo diverso implicado",
    offices="ministerio ministro secretaría secretaria comisión comité oficina dirección "
    "agencia misión gobernación alcaldía prefectura unidad consejo delegación embajada "
    "administración policía aduana cruz cicr acnur onu pnud unicef equipo plataforma "
    "coordinación grupo facilitador presidencia defensoría procuraduría fiscalía "
    "registraduría junta mesa tribunal autoridad",
    person=re.compile(
        r"(?i)^\s*(?:(?:el|la)\s+)?(?:sr\.|sra\.|srta\.|sr\b|sra\b|don\b|doña\b|dr\.|dra\.|"
        r"dr\b|dra\b|señor\b|señora\b|lic\.|ing\.|general\s+(?-i:[A-ZÀ-Ý])|coronel\s+(?-i:[A-ZÀ-Ý])|"
        r"ministr[oa]\s+(?-i:[A-ZÀ-Ý]))"
    ),
    empty_means="por los canales apropiados, por los cauces apropiados, "
    "por los canales adecuados, por las vías "
    "apropiadas, por las vías adecuadas, por los canales habituales, por las vías "
    "habituales, por los canales correspondientes, por las vías correspondientes, por los "
    "medios apropiados, por los medios adecuados, según corresponda, según sea necesario, "
    "cuando sea necesario, si es necesario, de ser necesario, en su momento, a la brevedad, "
    "lo antes posible, cuanto antes, por todos los medios, en un espíritu de cooperación, en "
    "un espíritu de diálogo, en estrecha coordinación, en estrecha colaboración, mediante el "
    "diálogo, a través del diálogo, mediante la cooperación, mediante la coordinación, por "
    "los mecanismos existentes, a través de los mecanismos existentes, mediante los "
    "mecanismos existentes, por definir, a definir, a determinar, por determinar, de "
    "diversas maneras, por diversos medios, según proceda, como proceda, cuando proceda, según "
    "convenga, según el caso, de manera coordinada, de forma coordinada, de manera "
    "concertada, en el marco de la mesa, en el marco del diálogo, en el marco del proceso, etc",
    filler="el la los las lo de del un una y o e en por para con a al mediante través todo "
    "todos todas su sus existente apropiado adecuado buen estrecho",
    evidence="lista carta nota memorando calendario cronograma mapa informe boletín protocolo "
    "texto borrador acta declaración aviso registro manifiesto recibo acuse comentario firma "
    "umbral cifra formulario ficha circular correo mensaje fotografía copia documento "
    "expediente cuadro comunicado decisión resolución decreto certificado constancia",
    verifiable="firmar publicar registrar contar recibir entregar remitir enviar notificar "
    "confirmar cruzar llegar abrir cerrar liberar trasladar presentar circular adoptar "
    "nombrar designar convocar celebrar inspeccionar sellar inscribir depositar archivar "
    "validar refrendar anunciar figurar constar responder recibido hecho puesto escrito abierto "
    "cubierto vuelto",
    vague_outcomes="confianza relación cooperación clima ambiente diálogo entendimiento "
    "comprensión sensibilización compromiso mejora mejorar fortalecer fortalecimiento "
    "progreso avance dinámica voluntad espíritu positivo constructivo fructífero "
    "satisfactorio mejor acercamiento convivencia avanzar justo equitativo",
    means_words="medio vía canal cauce mecanismo modalidad manera forma apropiado habitual "
    "pertinente "
    "necesario adecuado usual existente correspondiente requerido normal oficial "
    "diplomático coordinación diálogo cooperación regular ordinario conducto",
    act_nouns="entrega envío remisión publicación firma apertura reapertura instalación "
    "desminado intercambio visita misión taller distribución pago desembolso evacuación "
    "inspección levantamiento designación nombramiento redacción presentación convocatoria "
    "celebración realización jornada reunión organización elaboración adopción notificación "
    "comunicación difusión expedición reemplazo reparación retiro traslado restitución "
    "sustitución",
)

_RU = StepWords(
    skip="стороны сторона обе оба мы они все совместно также затем и для должен должны "
    "необходимо нужно следует может могут будет будут каждая каждый",
    empty_verbs="рассмотреть рассмотрение изучить изучение изучать обдумать обдумывание "
    "приветствовать поощрять поощрение стремиться стремление призвать призывать "
    "продолжить_изучение проработать проработка исследовать рассматривать обсудить_возможность "
    "осмыслить",
    soft_verbs="укрепить укреплять укрепление содействовать содействие способствовать "
    "улучшить улучшать улучшение развивать развить развитие повысить повышать повышение "
    "расширить расширять расширение углубить углублять углубление продвигать продвижение "
    "обеспечить обеспечивать обеспечение поддержать поддерживать поддержка активизировать "
    "активизация наладить налаживание интенсифицировать координировать координация "
    "продолжить продолжать продолжение обсудить обсуждать обсуждение оптимизировать "
    "совершенствовать совершенствование стимулировать наращивать наращивание нормализовать "
    "нормализация снизить снижение принять",
    passive=re.compile(
        r"(?:будет|будут|должен быть|должна быть|должно быть|должны быть|может быть|могут быть|"
        r"планируется|предполагается|предстоит|следует)\s+(?:\w+\s+)?"
        r"(?:рассмотрен[аоы]?|изучен[аоы]?|обсужден[аоы]?|проанализирован[аоы]?|"
        r"проработан[аоы]?|учтен[аоы]?|оценен[аоы]?|пересмотрен[аоы]?|"
        r"рассмотреть|изучить|обсудить|проработать|проанализировать|учесть|рассматриваться|"
        r"изучаться|обсуждаться|прорабатываться)\b"
        r"|(?:будет|будут)\s+(?:\w+\s+)?уделено внимание"
        r"|(?:рассматривается|изучается|обсуждается|прорабатывается)\s+(?:вопрос|возможность)"
    ),
    concrete="список перечень письмо записка меморандум график расписание карта доклад отчет "
    "отчёт бюллетень протокол текст проект звонок встреча заседание визит конвой колонна "
    "грузовик переход пункт семинар заявление уведомление журнал реестр ведомость "
    "комментарий подпись порог цифра бюджет план форма анкета приказ распоряжение циркуляр "
    "инструкция письмо сообщение фотография канал обмен освобождение передача "
    "доставка поставка пломба инспекция наблюдатель группа бригада офис пост тонна литр "
    "километр патруль пропуск разрешение документ досье таблица соглашение акт раунд сессия",
    numbers="один одна одно два две три четыре пять шесть семь восемь девять десять "
    "одиннадцать двенадцать пятнадцать двадцать тридцать сорок пятьдесят сто тысяча первый "
    "второй третий четвертый пятый шестой еженедельный ежедневный ежемесячный",
    vague_objects="сотрудничество отношение диалог доверие понимание взаимопонимание синергия "
    "потенциал взаимодействие усилие ситуация процесс стабильность мир динамика партнерство "
    "сближение климат атмосфера контакт напряженность",
    nobody_words="сторона орган структура ведомство инстанция власть партнер участник "
    "заинтересованный гражданский общество международный сообщество донор все каждый "
    "всякий кто-то некто никто весь определить уточнить",
    vague_qualifiers="соответствующий заинтересованный компетентный профильный уполномоченный "
    "надлежащий причастный различный",
    offices="министерство министр секретариат комиссия комитет бюро управление департамент "
    "отдел агентство миссия администрация аппарат служба совет делегация посольство "
    "полиция таможня мккк увкб оон проон юнисеф группа платформа координатор "
    "фасилитатор председатель штаб прокуратура суд омбудсмен мэрия",
    person=re.compile(
        r"(?i)^\s*(?:г-н|г-жа|г\.|господин|госпожа|генерал\s+(?-i:[А-ЯЁ])|полковник\s+(?-i:[А-ЯЁ])|"
        r"(?-i:[Мм]инистр)\s+(?-i:[А-ЯЁ][а-яё]+)\s*$)"
        # a name and patronymic: «Иван Иванович (Петров)»
        r"|(?-i:^\s*[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична)"
        r"(?:\s+[А-ЯЁ][а-яё]+)?\s*$)"
        r"|(?-i:^\s*[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?[А-ЯЁ][а-яё]+\s*$)"
        r"|(?-i:^\s*[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?\s*$)"
    ),
    empty_means="по соответствующим каналам, по надлежащим каналам, по обычным каналам, по "
    "дипломатическим каналам, по установленным каналам, в установленном порядке, в рабочем "
    "порядке, по мере необходимости, при необходимости, в случае необходимости, в "
    "надлежащем порядке, в кратчайшие сроки, в ближайшее время, всеми доступными средствами, "
    "всеми возможными средствами, всеми средствами, в духе сотрудничества, в духе диалога, "
    "в тесной координации, в тесном взаимодействии, путем диалога, путём диалога, путем "
    "сотрудничества, путём сотрудничества, путем взаимодействия, через существующие "
    "механизмы, посредством существующих механизмов, в рамках существующих механизмов, "
    "различными способами, различными средствами, подлежит определению, будет определено, "
    "в зависимости от обстоятельств, по обстановке, по ситуации, надлежащим образом, "
    "установленным порядком, в рамках диалога, в рамках процесса, и т д, и т п",
    filler="и или в во на по с со для через путем путём посредством рамка все весь свой их "
    "существующий соответствующий надлежащий тесный",
    evidence="список перечень письмо записка меморандум график расписание карта доклад отчет "
    "отчёт бюллетень протокол текст проект заявление уведомление журнал реестр ведомость "
    "комментарий подпись порог цифра форма анкета приказ распоряжение циркуляр сообщение "
    "фотография копия документ досье таблица коммюнике решение постановление указ акт "
    "справка квитанция расписка вывод заключение",
    verifiable="подписан подписать опубликован опубликовать зарегистрирован зарегистрировать "
    "получен получить передан передать направлен направить вручен вручить доставлен "
    "доставить открыт открыть закрыт закрыть освобожден освобождён освободить утвержден "
    "утверждён утвердить принят назначен созван проведен проведён внесен внесён занесен "
    "занесён зафиксирован зафиксировать размещен размещён подтвержден подтверждён "
    "подтвердить пересечь прибыть уведомить ответить представлен представить вывешен вывесить "
    "принимать отвечать",
    vague_outcomes="доверие отношение сотрудничество климат атмосфера диалог понимание "
    "взаимопонимание осведомленность приверженность улучшение улучшиться улучшаться "
    "укрепление укрепиться прогресс динамика воля дух позитивный конструктивный "
    "плодотворный удовлетворительный лучший сближение",
    means_words="канал способ средство механизм порядок путь соответствующий надлежащий обычный "
    "установленный существующий необходимый официальный дипломатический рабочий "
    "координация диалог сотрудничество взаимодействие штатный",
    act_nouns="встреча передача доставка направление публикация подписание проведение "
    "открытие установка разминирование обмен визит выдача выплата эвакуация осмотр "
    "назначение подготовка составление представление созыв совещание замена ремонт "
    "организация разработка принятие уведомление рассылка вывоз перевод возврат обследование "
    "монтаж демонтаж заседание",
)

_AR = StepWords(
    skip="يقوم تقوم يقومان تقومان الطرفان الطرفين الجانبان الجانبين كلا نحن هم معا أيضا ثم "
    "و على يجب ينبغي ل أن كل",
    empty_verbs="النظر دراسة بحث استكشاف التفكير تفكير تأمل الترحيب ترحيب تشجيع حث السعي "
    "سعي التطلع تطلع مراعاة الاطلاع استطلاع تدارس",
    soft_verbs="تعزيز تطوير دعم تحسين تسهيل تفعيل توطيد تقوية تنسيق تكثيف توسيع تعميق "
    "ضمان مواصلة استمرار متابعة مناقشة تشجيع تنمية الارتقاء النهوض تحفيز بناء إرساء "
    "المساهمة مساهمة العمل خفض تخفيف تهدئة",
    passive=re.compile(
        r"(?:سيتم|ستتم|يتم|تتم|سوف يتم|سوف تتم|سيجري|سيجرى|يجري|ستجري|من المقرر|من المنتظر|"
        r"من المتوقع)\s+(?:\w+\s+)?(?:النظر|دراسه|بحث|مناقشه|تقييم|مراجعه|استكشاف|"
        r"تدارس|التفكير|التباحث|تناول|الاطلاع|مراعاه)"
        r"|(?:سينظر|سيبحث|سيدرس|ستدرس|ستبحث|سيناقش|ستناقش|سيراجع|ستراجع|ستنظر)\s"
        r"|(?:سيخضع|ستخضع)\s+(?:\w+\s+)?(?:للدراسه|للنقاش|للبحث|للتقييم|للمراجعه)"
    ),
    concrete="قائمة رسالة مذكرة جدول خريطة تقرير نشرة بروتوكول نص مسودة محضر اتصال مكالمة "
    "اجتماع لقاء زيارة قافلة شاحنة معبر نقطة ورشة بيان إشعار سجل كشف إيصال تعليق توقيع عتبة "
    "رقم ميزانية خطة استمارة نموذج أمر تعميم تعليمات بريد رسالة صورة قناة تبادل إفراج "
    "الإفراج تسليم نقل توصيل شحنة ختم تفتيش مراقب فريق مكتب مركز طن لتر كيلومتر دورية "
    "تصريح إذن وثيقة ملف اتفاق جولة دورة هاتف غرفة جهاز",
    numbers="واحد واحدة اثنان اثنين اثنتان ثلاثة ثلاث أربعة أربع خمسة خمس ستة ست سبعة سبع "
    "ثمانية ثماني تسعة تسع عشرة عشر عشرين ثلاثين أربعين خمسين مئة مائة ألف أول أولى ثاني "
    "ثانية ثالث أسبوعي يومي شهري",
    vague_objects="التعاون تعاون العلاقات علاقات الحوار حوار الثقة ثقة التفاهم تفاهم القدرات "
    "الجهود جهود الوضع العملية الاستقرار السلام السلم الشراكة التقارب الأجواء المناخ التوتر توتر "
    "التوترات",
    nobody_words="الجهات جهات الجهة جهة الأطراف أطراف الطرف طرف الشركاء شركاء السلطات سلطات "
    "المعنيين الفاعلين فاعلين المجتمع المدني الدولي المانحين مانحين الجميع جميع كافة كل "
    "الكل أحد تحديد يحدد لاحقا",
    vague_qualifiers="المعنية المعني المعنيه المختصة المختص المختصه ذات العلاقة الصلة "
    "المناسبة المعنيون المعنيين الرسمية المسؤولة المسؤول",
    offices="وزارة وزير الوزارة أمانة الأمانة لجنة اللجنة مكتب المكتب إدارة الإدارة مديرية "
    "المديرية هيئة الهيئة وكالة بعثة البعثة محافظة المحافظة بلدية البلدية وحدة مجلس المجلس "
    "وفد الوفد سفارة الشرطة الجمارك الصليب الهلال اللجنة الدولية المفوضية الأمم فريق "
    "منصة المنصة منسق الميسر رئاسة قيادة مركز المركز",
    person=re.compile(
        r"^\s*(?:ال)?(?:سيد|سيدة|دكتور|دكتورة|شيخ|أستاذ|أستاذة|استاذ|سعادة|معالي|فضيلة|"
        r"سماحة|مهندس|مهندسة|لواء|عميد|عقيد|مقدم|رائد|حاج|حاجة|د\.|م\.)(?:\s|$)"
    ),
    empty_means="بالطرق المناسبة, بالطرق الملائمة, عبر القنوات المناسبة, عبر القنوات "
    "المعتادة, عبر القنوات الرسمية المعتادة, بالقنوات المناسبة, بالوسائل المناسبة, بالوسائل "
    "المتاحة, بكل الوسائل, بكافة الوسائل, بجميع الوسائل, حسب الاقتضاء, عند الاقتضاء, عند "
    "الحاجة, حسب الحاجة, إذا لزم الأمر, عند الضرورة, في أقرب وقت ممكن, في الوقت المناسب, "
    "بروح التعاون, بروح الحوار, بروح إيجابية, بالتنسيق الوثيق, بالتنسيق مع الجهات المعنية, "
    "بالتنسيق مع الجهات المختصة, من خلال الحوار, عبر الحوار, من خلال التعاون, من خلال "
    "التنسيق, عبر الآليات القائمة, من خلال الآليات القائمة, بالآليات القائمة, يحدد لاحقا, "
    "تحدد لاحقا, بطرق مختلفة, بوسائل مختلفة, وفق الأصول, حسب الأصول, وفقا للأصول, "
    "بالتنسيق مع الجهات ذات العلاقة, بالتنسيق مع الجهات ذات الصلة, في إطار الحوار",
    filler="و أو في من على إلى عبر خلال ب ل مع كل جميع كافة القائمة المناسبة الوثيق",
    evidence="قائمة رسالة مذكرة جدول خريطة تقرير نشرة بروتوكول نص مسودة محضر بيان إشعار سجل "
    "كشف إيصال تعليق توقيع عتبة رقم استمارة نموذج تعميم بريد صورة نسخة وثيقة ملف بلاغ قرار "
    "مرسوم شهادة إفادة",
    verifiable="موقع موقعة توقيع نشر منشور تسجيل مسجل استلام استلم تسلم تسليم مسلم إرسال "
    "أرسل مرسل إبلاغ إخطار تأكيد عبور وصول فتح إغلاق إفراج نقل تقديم اعتماد معتمد تعيين "
    "عقد انعقاد تفتيش ختم مختوم قيد إيداع مودع أودع أرشفة أعلن إعلان رد",
    vague_outcomes="الثقة ثقة العلاقات علاقات التعاون تعاون الأجواء أجواء المناخ مناخ الحوار "
    "التفاهم تفاهم الوعي الالتزام تحسن تحسين تعزيز تعزز تقدم الزخم الإرادة روح إيجابي "
    "إيجابية بناء بناءة مثمر مثمرة أفضل التقارب",
    means_words="قناة القنوات قنوات طريق طرق الطرق وسيلة الوسائل وسائل آلية الآليات آليات سبل "
    "السبل المعتادة المعتاد المناسبة المناسب الملائمة الرسمية القائمة اللازمة "
    "الضرورية المتاحة التنسيق الحوار التعاون خلال المعمول",
    state_nouns="انتظام استقرار تحسن انخفاض تراجع توفر توافر استمرار هدوء وصول عودة انتهاء "
    "توقف انحسار ازدياد ارتفاع سلامة أمان ضمان تحقق نجاح",
)

WORDS = {"fr": _FR, "es": _ES, "ru": _RU, "ar": _AR}
