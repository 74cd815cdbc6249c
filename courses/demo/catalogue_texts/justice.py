"""Courses on prosecuting trafficking and cooperating across borders. Arabic (source), English and French."""

from .markup import ul

# slug: (topic, hours, level, delivery mode, partners, {lang: texts})
COURSES = {
    "prosecuting-trafficking": {
        "topic": "prosecution",
        "hours": 30,
        "level": "advanced",
        "mode": "blended",
        "partners": "UNODC",
        "ar": {
            "title": "الملاحقة القضائية في جرائم الاتجار بالأشخاص",
            "summary": "التكييف القانوني للجريمة، وإثبات عناصرها، وحقوق الضحية أثناء المحاكمة.",
            "description": "<p>دورة للقضاة وأعضاء النيابة العامة حول تطبيق التشريعات الوطنية "
            "وبروتوكول باليرمو، مع تحليل أحكام قضائية من المنطقة.</p>",
            "outcomes": ul(
                "إثبات عناصر جريمة الاتجار بالأشخاص",
                "تجنب إعادة إيذاء الضحية أثناء المحاكمة",
                "تطبيق مبدأ عدم معاقبة الضحايا",
            ),
            "audience": "<p>أعضاء النيابة العامة والقضاة.</p>",
        },
        "en": {
            "title": "Prosecuting trafficking in persons",
            "summary": "Charging the offence, proving its elements, and the victim's rights "
            "during trial.",
            "description": "<p>A course for judges and prosecutors on applying national law and "
            "the Palermo Protocol, with an analysis of judgments from the region.</p>",
            "outcomes": ul(
                "Prove the elements of the trafficking offence",
                "Avoid re-victimisation during trial",
                "Apply the non-punishment principle",
            ),
            "audience": "<p>Prosecutors and judges.</p>",
        },
        "fr": {
            "title": "Poursuivre la traite des personnes",
            "summary": "La qualification de l'infraction, la preuve de ses éléments et les "
            "droits de la victime pendant le procès.",
            "description": "<p>Une formation pour les juges et les procureurs sur l'application "
            "du droit national et du Protocole de Palerme, avec l'analyse de décisions de la "
            "région.</p>",
            "outcomes": ul(
                "Prouver les éléments de l'infraction de traite",
                "Éviter la victimisation secondaire pendant le procès",
                "Appliquer le principe de non-sanction des victimes",
            ),
            "audience": "<p>Procureurs et juges.</p>",
        },
    },
    "international-cooperation": {
        "topic": "international-cooperation",
        "hours": 20,
        "level": "advanced",
        "mode": "in_person",
        "partners": "UNODC, INTERPOL",
        "ar": {
            "title": "التعاون الدولي في قضايا الاتجار بالأشخاص",
            "summary": "المساعدة القانونية المتبادلة، وتسليم المجرمين، وفرق التحقيق المشتركة.",
            "description": "<p>دورة تجمع محققين وأعضاء نيابة من عدة دول للعمل على قضية "
            "افتراضية عابرة للحدود من البداية إلى النهاية.</p>",
            "outcomes": ul(
                "صياغة طلب مساعدة قانونية متبادلة",
                "التعاون عبر القنوات الشرطية الدولية",
                "تنسيق حماية الضحايا عبر الحدود",
            ),
            "audience": "<p>أعضاء النيابة والمحققون وضباط الاتصال.</p>",
        },
        "en": {
            "title": "International cooperation in trafficking cases",
            "summary": "Mutual legal assistance, extradition and joint investigation teams.",
            "description": "<p>A course bringing investigators and prosecutors from several "
            "countries together to work a fictitious cross-border case from start to finish.</p>",
            "outcomes": ul(
                "Draft a mutual legal assistance request",
                "Cooperate through international police channels",
                "Coordinate the protection of victims across borders",
            ),
            "audience": "<p>Prosecutors, investigators and liaison officers.</p>",
        },
        "fr": {
            "title": "La coopération internationale dans les affaires de traite",
            "summary": "Entraide judiciaire, extradition et équipes communes d'enquête.",
            "description": "<p>Une formation qui réunit des enquêteurs et des procureurs de "
            "plusieurs pays autour d'une affaire transfrontalière fictive, du début à la fin.</p>",
            "outcomes": ul(
                "Rédiger une demande d'entraide judiciaire",
                "Coopérer par les canaux policiers internationaux",
                "Coordonner la protection des victimes par-delà les frontières",
            ),
            "audience": "<p>Procureurs, enquêteurs et officiers de liaison.</p>",
        },
    },
}
