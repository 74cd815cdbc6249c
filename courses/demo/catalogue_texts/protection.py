"""Courses on identifying, referring and protecting victims. Arabic (source), English and French."""

from .markup import ul

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
            "outcomes": ul(
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
            "outcomes": ul(
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
            "outcomes": ul(
                "Reconnaître les indicateurs de la traite",
                "Mener un premier entretien tenant compte du traumatisme",
                "Orienter les victimes vers les services compétents",
            ),
            "audience": "<p>Policiers, garde-frontières, inspecteurs du travail et "
            "travailleurs sociaux.</p>",
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
            "outcomes": ul(
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
            "outcomes": ul(
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
            "outcomes": ul(
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
            "outcomes": ul(
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
            "outcomes": ul(
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
            "outcomes": ul(
                "Évaluer les risques et établir un plan de sécurité",
                "Préparer un plan de prise en charge individuel",
                "Organiser la réinsertion ou le retour volontaire",
            ),
            "audience": "<p>Personnel des centres d'hébergement et des ONG.</p>",
        },
    },
}
