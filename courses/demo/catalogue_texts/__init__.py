"""Texts of the demo catalogue in Arabic (source), English and French: the programmes page,
topics and instructors here, the courses by area in their own modules."""

from . import enforcement, justice, protection

INDEX = {
    "ar": {
        "title": "البرامج التدريبية",
        "intro": "<p>دورات متخصصة للعاملين في مكافحة الاتجار بالأشخاص: تحديد الضحايا وحمايتهم، "
        "والتحقيق والملاحقة القضائية، والتعاون الدولي.</p>",
        "search_description": "البرامج التدريبية للمركز في مجال مكافحة الاتجار بالأشخاص: "
        "المواضيع والمواعيد ولغات التدريس.",
    },
    "en": {
        "title": "Training programmes",
        "intro": "<p>Specialised courses for those who combat trafficking in persons: identifying "
        "and protecting victims, investigation and prosecution, international cooperation.</p>",
        "search_description": "The centre's training programmes on combating trafficking in "
        "persons: topics, dates and languages of instruction.",
    },
    "fr": {
        "title": "Programmes de formation",
        "intro": "<p>Des formations spécialisées pour les acteurs de la lutte contre la traite des "
        "personnes : identification et protection des victimes, enquêtes et poursuites, "
        "coopération internationale.</p>",
        "search_description": "Les programmes de formation du centre en matière de lutte contre "
        "la traite des personnes : thèmes, dates et langues d'enseignement.",
    },
}

TOPICS = {
    "victim-identification": {
        "ar": "تحديد الضحايا والآلية الوطنية للإحالة",
        "en": "Victim identification and national referral",
        "fr": "Identification des victimes et mécanisme national d'orientation",
    },
    "investigation": {
        "ar": "التحقيق في قضايا الاتجار بالأشخاص",
        "en": "Investigating trafficking cases",
        "fr": "Enquêtes sur les affaires de traite",
    },
    "prosecution": {
        "ar": "الملاحقة القضائية والمحاكمة",
        "en": "Prosecution and trial",
        "fr": "Poursuites et procès",
    },
    "labour-inspection": {
        "ar": "تفتيش العمل والاحتيال في التوظيف",
        "en": "Labour inspection and recruitment fraud",
        "fr": "Inspection du travail et fraude au recrutement",
    },
    "victim-protection": {
        "ar": "الإيواء ومعايير حماية الضحايا",
        "en": "Shelter and victim protection standards",
        "fr": "Hébergement et normes de protection des victimes",
    },
    "financial-investigation": {
        "ar": "التحقيق المالي",
        "en": "Financial investigation",
        "fr": "Enquête financière",
    },
    "online-trafficking": {
        "ar": "الاتجار بالأشخاص عبر الإنترنت",
        "en": "Online and cyber-enabled trafficking",
        "fr": "Traite en ligne et facilitée par le numérique",
    },
    "international-cooperation": {
        "ar": "التعاون الدولي",
        "en": "International cooperation",
        "fr": "Coopération internationale",
    },
}


# In the order the demo creates them: the first courses get the lessons and the demo runs.
_BY_SLUG = {**protection.COURSES, **enforcement.COURSES, **justice.COURSES}
COURSES = {
    slug: _BY_SLUG[slug]
    for slug in (
        "identifying-victims",
        "investigating-trafficking",
        "prosecuting-trafficking",
        "labour-inspection",
        "shelter-standards",
        "financial-investigation",
        "online-trafficking",
        "international-cooperation",
    )
}

INSTRUCTORS = {
    "instructor": {
        "ar": ("كريم منصور", "محقق أول سابق", "عمل خمسة عشر عامًا في وحدة مكافحة الاتجار بالبشر."),
        "en": (
            "Karim Mansour",
            "Former senior investigator",
            "Fifteen years in an anti-trafficking police unit.",
        ),
        "fr": (
            "Karim Mansour",
            "Ancien enquêteur principal",
            "Quinze ans dans une unité de police de lutte contre la traite.",
        ),
    },
    "instructor2": {
        "ar": ("كلير دوبوا", "قاضية ومدربة", "قاضية تحقيق ومدربة في مجال التعاون القضائي الدولي."),
        "en": (
            "Claire Dubois",
            "Judge and trainer",
            "Investigating judge and trainer in international judicial cooperation.",
        ),
        "fr": (
            "Claire Dubois",
            "Juge et formatrice",
            "Juge d'instruction et formatrice en coopération judiciaire internationale.",
        ),
    },
}
