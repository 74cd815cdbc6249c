"""Texts of the demo catalogue in Arabic (source), English and French."""

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


def _ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


# slug: (topic, hours, level, delivery mode, partners, {lang: texts})
COURSES = {
    "identifying-victims": {
        "topic": "victim-identification",
        "hours": 24,
        "level": "introductory",
        "mode": "in_person",
        "partners": "IOM",
        "ar": {
            "title": "تحديد ضحايا الاتجار بالأشخاص وإحالتهم",
            "summary": "مؤشرات الاتجار بالأشخاص، والمقابلة الأولى مع الضحية المحتملة، "
            "وإحالتها إلى الآلية الوطنية للإحالة.",
            "description": "<p>دورة تطبيقية تعتمد على دراسة الحالات ولعب الأدوار، تُعرّف المشاركين "
            "بمؤشرات الاتجار بالأشخاص في مختلف القطاعات وبخطوات الإحالة الآمنة.</p>",
            "outcomes": _ul(
                "التعرف على مؤشرات الاتجار بالأشخاص",
                "إجراء مقابلة أولى تراعي الصدمة",
                "إحالة الضحايا إلى الخدمات المختصة",
            ),
            "audience": "<p>الشرطة وحرس الحدود ومفتشو العمل والأخصائيون الاجتماعيون.</p>",
        },
        "en": {
            "title": "Identifying and referring victims of trafficking",
            "summary": "Indicators of trafficking in persons, the first interview with a "
            "presumed victim, and referral through the national referral mechanism.",
            "description": "<p>A practical course built on case studies and role play: "
            "participants learn the indicators of trafficking across sectors and the steps of a "
            "safe referral.</p>",
            "outcomes": _ul(
                "Recognise the indicators of trafficking",
                "Conduct a trauma-informed first interview",
                "Refer victims to the competent services",
            ),
            "audience": "<p>Police, border guards, labour inspectors and social workers.</p>",
        },
        "fr": {
            "title": "Identifier et orienter les victimes de la traite",
            "summary": "Les indicateurs de la traite des personnes, le premier entretien avec une "
            "victime présumée et l'orientation par le mécanisme national d'orientation.",
            "description": "<p>Une formation pratique fondée sur des études de cas et des mises "
            "en situation : les indicateurs de la traite dans différents secteurs et les étapes "
            "d'une orientation sûre.</p>",
            "outcomes": _ul(
                "Reconnaître les indicateurs de la traite",
                "Mener un premier entretien tenant compte du traumatisme",
                "Orienter les victimes vers les services compétents",
            ),
            "audience": "<p>Policiers, garde-frontières, inspecteurs du travail et "
            "travailleurs sociaux.</p>",
        },
    },
    "investigating-trafficking": {
        "topic": "investigation",
        "hours": 40,
        "level": "intermediate",
        "mode": "in_person",
        "partners": "UNODC",
        "ar": {
            "title": "التحقيق في قضايا الاتجار بالأشخاص",
            "summary": "بناء ملف التحقيق من البلاغ إلى الإحالة للنيابة: جمع الأدلة، والتحقيق "
            "الاستباقي، وحماية الشهود.",
            "description": "<p>يتناول البرنامج أساليب التحقيق التفاعلي والاستباقي، وتحليل "
            "الاتصالات، والعمل مع الضحايا بوصفهم شهودًا.</p>",
            "outcomes": _ul(
                "تخطيط تحقيق استباقي",
                "جمع الأدلة الرقمية والمادية وحفظها",
                "حماية الضحايا والشهود أثناء التحقيق",
            ),
            "audience": "<p>المحققون وضباط الشرطة القضائية.</p>",
        },
        "en": {
            "title": "Investigating trafficking in persons cases",
            "summary": "Building the case file from the first report to the prosecutor: "
            "evidence, proactive investigation and witness protection.",
            "description": "<p>The programme covers reactive and proactive investigation, the "
            "analysis of communications, and working with victims as witnesses.</p>",
            "outcomes": _ul(
                "Plan a proactive investigation",
                "Collect and preserve physical and digital evidence",
                "Protect victims and witnesses during the investigation",
            ),
            "audience": "<p>Investigators and judicial police officers.</p>",
        },
        "fr": {
            "title": "Enquêter sur les affaires de traite des personnes",
            "summary": "Constituer le dossier du premier signalement jusqu'au parquet : preuves, "
            "enquête proactive et protection des témoins.",
            "description": "<p>Le programme traite de l'enquête réactive et proactive, de "
            "l'analyse des communications et du travail avec les victimes en tant que "
            "témoins.</p>",
            "outcomes": _ul(
                "Planifier une enquête proactive",
                "Recueillir et conserver les preuves matérielles et numériques",
                "Protéger les victimes et les témoins pendant l'enquête",
            ),
            "audience": "<p>Enquêteurs et officiers de police judiciaire.</p>",
        },
    },
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
            "outcomes": _ul(
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
            "outcomes": _ul(
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
            "outcomes": _ul(
                "Prouver les éléments de l'infraction de traite",
                "Éviter la victimisation secondaire pendant le procès",
                "Appliquer le principe de non-sanction des victimes",
            ),
            "audience": "<p>Procureurs et juges.</p>",
        },
    },
    "labour-inspection": {
        "topic": "labour-inspection",
        "hours": 21,
        "level": "introductory",
        "mode": "in_person",
        "partners": "ILO",
        "ar": {
            "title": "تفتيش العمل وكشف العمل الجبري",
            "summary": "كشف العمل الجبري والاحتيال في التوظيف أثناء زيارات التفتيش، والتنسيق "
            "مع جهات إنفاذ القانون.",
            "description": "<p>يتدرب المشاركون على التخطيط لزيارات التفتيش، وقراءة عقود العمل "
            "ووثائق التوظيف، وكشف عبودية الدين ومصادرة الوثائق.</p>",
            "outcomes": _ul(
                "كشف مؤشرات العمل الجبري",
                "التحقق من ممارسات مكاتب التوظيف",
                "التنسيق مع الشرطة والنيابة",
            ),
            "audience": "<p>مفتشو العمل وموظفو وزارات العمل.</p>",
        },
        "en": {
            "title": "Labour inspection and forced labour",
            "summary": "Detecting forced labour and recruitment fraud during inspections, and "
            "working with law enforcement.",
            "description": "<p>Participants practise planning inspection visits, reading "
            "employment contracts and recruitment papers, and detecting debt bondage and the "
            "confiscation of documents.</p>",
            "outcomes": _ul(
                "Detect the indicators of forced labour",
                "Check the practices of recruitment agencies",
                "Work with police and prosecutors",
            ),
            "audience": "<p>Labour inspectors and labour ministry staff.</p>",
        },
        "fr": {
            "title": "Inspection du travail et travail forcé",
            "summary": "Détecter le travail forcé et la fraude au recrutement lors des "
            "inspections, et coopérer avec les services répressifs.",
            "description": "<p>Les participants s'exercent à préparer des visites d'inspection, "
            "à lire les contrats de travail et les documents de recrutement, et à détecter la "
            "servitude pour dettes et la confiscation des documents.</p>",
            "outcomes": _ul(
                "Détecter les indicateurs du travail forcé",
                "Contrôler les pratiques des agences de recrutement",
                "Coopérer avec la police et le parquet",
            ),
            "audience": "<p>Inspecteurs du travail et agents des ministères du travail.</p>",
        },
    },
    "shelter-standards": {
        "topic": "victim-protection",
        "hours": 18,
        "level": "intermediate",
        "mode": "online",
        "partners": "IOM",
        "ar": {
            "title": "معايير الإيواء وحماية الضحايا",
            "summary": "إدارة دور الإيواء وفق المعايير الدولية: السلامة، والرعاية الصحية "
            "والنفسية، وإعادة الإدماج.",
            "description": "<p>دورة عبر الإنترنت لمديري دور الإيواء والعاملين فيها حول "
            "تقييم المخاطر وخطط الرعاية الفردية وحماية البيانات.</p>",
            "outcomes": _ul(
                "تقييم المخاطر ووضع خطة سلامة",
                "إعداد خطة رعاية فردية",
                "التخطيط لإعادة الإدماج أو العودة الطوعية",
            ),
            "audience": "<p>العاملون في دور الإيواء والمنظمات غير الحكومية.</p>",
        },
        "en": {
            "title": "Shelter and victim protection standards",
            "summary": "Running shelters to international standards: safety, health and "
            "psychosocial care, reintegration.",
            "description": "<p>An online course for shelter managers and staff on risk "
            "assessment, individual care plans and data protection.</p>",
            "outcomes": _ul(
                "Assess risks and draw up a safety plan",
                "Prepare an individual care plan",
                "Plan reintegration or voluntary return",
            ),
            "audience": "<p>Shelter staff and NGO workers.</p>",
        },
        "fr": {
            "title": "Hébergement et normes de protection des victimes",
            "summary": "Gérer les centres d'hébergement selon les normes internationales : "
            "sécurité, soins de santé et psychosociaux, réinsertion.",
            "description": "<p>Une formation en ligne pour les responsables et le personnel des "
            "centres d'hébergement : évaluation des risques, plans de prise en charge "
            "individuels et protection des données.</p>",
            "outcomes": _ul(
                "Évaluer les risques et établir un plan de sécurité",
                "Préparer un plan de prise en charge individuel",
                "Organiser la réinsertion ou le retour volontaire",
            ),
            "audience": "<p>Personnel des centres d'hébergement et des ONG.</p>",
        },
    },
    "financial-investigation": {
        "topic": "financial-investigation",
        "hours": 35,
        "level": "advanced",
        "mode": "blended",
        "partners": "UNODC",
        "ar": {
            "title": "التحقيق المالي في جرائم الاتجار بالأشخاص",
            "summary": "تتبع الأموال المتحصلة من الاتجار بالأشخاص، وغسل الأموال، وتجميد "
            "الأصول ومصادرتها.",
            "description": "<p>يتعلم المشاركون تحليل الحسابات والتحويلات، والتعاون مع وحدات "
            "التحريات المالية، واستخدام التحقيق المالي الموازي.</p>",
            "outcomes": _ul(
                "تحليل التدفقات المالية المشبوهة",
                "طلب المعلومات من وحدات التحريات المالية",
                "تجميد العائدات الإجرامية ومصادرتها",
            ),
            "audience": "<p>المحققون الماليون وموظفو وحدات التحريات المالية.</p>",
        },
        "en": {
            "title": "Financial investigation of trafficking",
            "summary": "Following the money of trafficking in persons: money laundering, "
            "freezing and confiscating assets.",
            "description": "<p>Participants learn to analyse accounts and transfers, work with "
            "financial intelligence units and run parallel financial investigations.</p>",
            "outcomes": _ul(
                "Analyse suspicious financial flows",
                "Request information from financial intelligence units",
                "Freeze and confiscate criminal proceeds",
            ),
            "audience": "<p>Financial investigators and financial intelligence unit staff.</p>",
        },
        "fr": {
            "title": "L'enquête financière en matière de traite",
            "summary": "Suivre l'argent de la traite des personnes : blanchiment, gel et "
            "confiscation des avoirs.",
            "description": "<p>Les participants apprennent à analyser comptes et virements, à "
            "coopérer avec les cellules de renseignement financier et à mener des enquêtes "
            "financières parallèles.</p>",
            "outcomes": _ul(
                "Analyser les flux financiers suspects",
                "Solliciter les cellules de renseignement financier",
                "Geler et confisquer les produits du crime",
            ),
            "audience": "<p>Enquêteurs financiers et agents des cellules de renseignement "
            "financier.</p>",
        },
    },
    "online-trafficking": {
        "topic": "online-trafficking",
        "hours": 16,
        "level": "intermediate",
        "mode": "online",
        "partners": "",
        "ar": {
            "title": "الاتجار بالأشخاص عبر الإنترنت",
            "summary": "التجنيد والاستغلال عبر المنصات الرقمية، والأدلة الإلكترونية، والتعاون "
            "مع مزودي الخدمات.",
            "description": "<p>يعرض البرنامج أساليب المتاجرين على شبكات التواصل الاجتماعي "
            "ومواقع التوظيف، وطرق جمع الأدلة الإلكترونية من مصادر مفتوحة.</p>",
            "outcomes": _ul(
                "فهم أساليب التجنيد عبر الإنترنت",
                "جمع الأدلة الإلكترونية من المصادر المفتوحة",
                "طلب البيانات من مزودي الخدمات",
            ),
            "audience": "<p>وحدات الجرائم الإلكترونية والمحققون.</p>",
        },
        "en": {
            "title": "Online and cyber-enabled trafficking",
            "summary": "Recruitment and exploitation through digital platforms, electronic "
            "evidence, and cooperation with service providers.",
            "description": "<p>The programme shows how traffickers use social networks and job "
            "sites, and how to collect electronic evidence from open sources.</p>",
            "outcomes": _ul(
                "Understand online recruitment methods",
                "Collect electronic evidence from open sources",
                "Request data from service providers",
            ),
            "audience": "<p>Cybercrime units and investigators.</p>",
        },
        "fr": {
            "title": "La traite en ligne et facilitée par le numérique",
            "summary": "Recrutement et exploitation par les plateformes numériques, preuves "
            "électroniques et coopération avec les fournisseurs de services.",
            "description": "<p>Le programme montre comment les trafiquants utilisent les réseaux "
            "sociaux et les sites d'emploi, et comment recueillir des preuves électroniques en "
            "sources ouvertes.</p>",
            "outcomes": _ul(
                "Comprendre les méthodes de recrutement en ligne",
                "Recueillir des preuves électroniques en sources ouvertes",
                "Demander des données aux fournisseurs de services",
            ),
            "audience": "<p>Unités de lutte contre la cybercriminalité et enquêteurs.</p>",
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
            "outcomes": _ul(
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
            "outcomes": _ul(
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
            "outcomes": _ul(
                "Rédiger une demande d'entraide judiciaire",
                "Coopérer par les canaux policiers internationaux",
                "Coordonner la protection des victimes par-delà les frontières",
            ),
            "audience": "<p>Procureurs, enquêteurs et officiers de liaison.</p>",
        },
    },
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
