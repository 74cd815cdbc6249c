"""Demo lessons: the pages and their fields in each language."""

import json

LESSONS = [
    {
        "slug": "what-is-trafficking",
        "minutes": 25,
        "required": True,
        "title": {
            "ar": "ما هو الاتجار بالأشخاص؟ الفعل والوسيلة والغرض",
            "en": "What is trafficking in persons? Act, means and purpose",
            "fr": "Qu'est-ce que la traite des personnes ? L'acte, les moyens et la finalité",
        },
        "intro": {
            "ar": "العناصر الثلاثة لتعريف الاتجار بالأشخاص في بروتوكول باليرمو.",
            "en": "The three elements of the definition in the Palermo Protocol.",
            "fr": "Les trois éléments de la définition du Protocole de Palerme.",
        },
        "heading": {
            "ar": "تعريف بروتوكول باليرمو",
            "en": "The Palermo Protocol definition",
            "fr": "La définition du Protocole de Palerme",
        },
        "text": {
            "ar": "<p>يقوم الاتجار بالأشخاص على ثلاثة عناصر: <b>الفعل</b> (التجنيد أو النقل أو الإيواء أو الاستقبال)، "
            "و<b>الوسيلة</b> (التهديد أو القوة أو الخداع أو استغلال حالة الضعف)، و<b>الغرض</b> وهو الاستغلال.</p>",
            "en": "<p>Trafficking in persons has three elements: the <b>act</b> (recruitment, transport, "
            "harbouring or receipt), the <b>means</b> (threat, force, deception, abuse of a position of "
            "vulnerability) and the <b>purpose</b> of exploitation.</p>",
            "fr": "<p>La traite des personnes comporte trois éléments : l'<b>acte</b> (recrutement, "
            "transport, hébergement ou accueil), les <b>moyens</b> (menace, force, tromperie, abus "
            "d'une situation de vulnérabilité) et la <b>finalité</b> d'exploitation.</p>",
        },
        "points": {
            "ar": [
                "الفعل والوسيلة والغرض",
                "لا يُشترط عنصر الوسيلة عندما تكون الضحية طفلاً",
                "موافقة الضحية لا أثر لها متى استُخدمت الوسيلة",
            ],
            "en": [
                "Act, means and purpose",
                "For children, the means are not required",
                "Consent is irrelevant once a means is used",
            ],
            "fr": [
                "L'acte, les moyens et la finalité",
                "Pour les enfants, les moyens ne sont pas requis",
                "Le consentement est indifférent dès qu'un moyen est utilisé",
            ],
        },
    },
    {
        "slug": "indicators",
        "minutes": 30,
        "required": True,
        "title": {
            "ar": "مؤشرات الاتجار والمقابلة الأولى",
            "en": "Indicators and the first interview",
            "fr": "Indicateurs et premier entretien",
        },
        "intro": {
            "ar": "كيف نتعرف على الضحايا المحتملين ونتحدث معهم بأمان.",
            "en": "How to recognise presumed victims and speak with them safely.",
            "fr": "Reconnaître les victimes présumées et s'entretenir avec elles en sécurité.",
        },
        "heading": {"ar": "مؤشرات شائعة", "en": "Common indicators", "fr": "Indicateurs fréquents"},
        "text": {
            "ar": "<p>مصادرة وثائق الهوية، والديون التي لا تنتهي، والعزلة، والخوف من السلطات من المؤشرات الشائعة.</p>",
            "en": "<p>Confiscated identity documents, debts that never end, isolation and fear of the "
            "authorities are common indicators.</p>",
            "fr": "<p>La confiscation des papiers d'identité, des dettes sans fin, l'isolement et la peur "
            "des autorités sont des indicateurs fréquents.</p>",
        },
        "case": {
            "ar": (
                "حالة: عاملة منزلية",
                "<p>تعمل سلمى منذ عامين دون أجر، وقد احتفظ صاحب العمل بجواز سفرها.</p>",
            ),
            "en": (
                "Case: a domestic worker",
                "<p>Salma has worked for two years without pay; her employer keeps her passport.</p>",
            ),
            "fr": (
                "Cas : une employée de maison",
                "<p>Salma travaille depuis deux ans sans salaire ; son employeur garde son passeport.</p>",
            ),
        },
    },
    {
        "slug": "referral",
        "minutes": 20,
        "required": False,
        "title": {
            "ar": "الإحالة إلى الحماية",
            "en": "Referral to protection",
            "fr": "L'orientation vers la protection",
        },
        "intro": {
            "ar": "دور الآلية الوطنية للإحالة.",
            "en": "The role of the national referral mechanism.",
            "fr": "Le rôle du mécanisme national d'orientation.",
        },
        "heading": {
            "ar": "الآلية الوطنية للإحالة",
            "en": "The national referral mechanism",
            "fr": "Le mécanisme national d'orientation",
        },
        "text": {
            "ar": "<p>تنسّق الآلية الوطنية للإحالة بين الشرطة والنيابة والخدمات الاجتماعية والمنظمات غير الحكومية.</p>",
            "en": "<p>The national referral mechanism coordinates police, prosecutors, social services and NGOs.</p>",
            "fr": "<p>Le mécanisme national d'orientation coordonne police, parquet, services sociaux et ONG.</p>",
        },
    },
]


def lesson_fields(lesson):
    def fields(code):
        body = [
            {
                "type": "heading",
                "id": "h1",
                "value": {"text": lesson["heading"][code], "level": "h2"},
            },
            {"type": "paragraph", "id": "p1", "value": lesson["text"][code]},
        ]
        if "case" in lesson:
            title, scenario = lesson["case"][code]
            body.append(
                {
                    "type": "case_study",
                    "id": "case1",
                    "value": {
                        "title": title,
                        "scenario": scenario,
                        "questions": "",
                        "discussion": "",
                    },
                }
            )
        if "points" in lesson:
            body.append(
                {
                    "type": "key_points",
                    "id": "kp1",
                    "value": {
                        "title": "",
                        "points": [
                            {"type": "item", "id": f"kp1-{i}", "value": point}
                            for i, point in enumerate(lesson["points"][code])
                        ],
                    },
                }
            )
        return {
            "title": lesson["title"][code],
            "intro": lesson["intro"][code],
            "body": json.dumps(body),
            "duration_minutes": lesson["minutes"],
            "required": lesson["required"],
        }

    return fields
