"""Courses on investigating trafficking, its money and its online side. Arabic (source), English and French."""

from .markup import ul

# slug: (topic, hours, level, delivery mode, partners, {lang: texts})
COURSES = {
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
            "outcomes": ul(
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
            "outcomes": ul(
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
            "outcomes": ul(
                "Planifier une enquête proactive",
                "Recueillir et conserver les preuves matérielles et numériques",
                "Protéger les victimes et les témoins pendant l'enquête",
            ),
            "audience": "<p>Enquêteurs et officiers de police judiciaire.</p>",
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
            "outcomes": ul(
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
            "outcomes": ul(
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
            "outcomes": ul(
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
            "outcomes": ul(
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
            "outcomes": ul(
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
            "outcomes": ul(
                "Comprendre les méthodes de recrutement en ligne",
                "Recueillir des preuves électroniques en sources ouvertes",
                "Demander des données aux fournisseurs de services",
            ),
            "audience": "<p>Unités de lutte contre la cybercriminalité et enquêteurs.</p>",
        },
    },
}
