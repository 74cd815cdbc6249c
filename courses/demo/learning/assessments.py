"""Demo tests: the pre-test and post-test questions, the answers demo trainees give, and the
pages' fields in each language."""

import json

from ...choices import AssessmentKind, ReviewPolicy

QUESTIONS = [
    {
        "id": "q-elements",
        "multiple": False,
        "text": {
            "ar": "ما العناصر الثلاثة لتعريف الاتجار بالأشخاص؟",
            "en": "What are the three elements of the definition of trafficking in persons?",
            "fr": "Quels sont les trois éléments de la définition de la traite des personnes ?",
        },
        "choices": [
            (
                "c-elements-1",
                True,
                {
                    "ar": "الفعل والوسيلة والغرض",
                    "en": "Act, means and purpose",
                    "fr": "L'acte, les moyens et la finalité",
                },
            ),
            (
                "c-elements-2",
                False,
                {
                    "ar": "العبور والإقامة والعمل",
                    "en": "Crossing, residence and work",
                    "fr": "Le passage, le séjour et le travail",
                },
            ),
            (
                "c-elements-3",
                False,
                {
                    "ar": "الجنسية والعمر والجنس",
                    "en": "Nationality, age and sex",
                    "fr": "La nationalité, l'âge et le sexe",
                },
            ),
        ],
        "explanation": {
            "ar": "يقوم التعريف على الفعل والوسيلة والغرض (الاستغلال).",
            "en": "The definition rests on the act, the means and the purpose (exploitation).",
            "fr": "La définition repose sur l'acte, les moyens et la finalité (l'exploitation).",
        },
    },
    {
        "id": "q-indicators",
        "multiple": True,
        "text": {
            "ar": "أيٌّ مما يلي من مؤشرات الاتجار؟ (اختر كل الإجابات الصحيحة)",
            "en": "Which of these are indicators of trafficking? (tick all that apply)",
            "fr": "Lesquels sont des indicateurs de traite ? (cochez toutes les bonnes réponses)",
        },
        "choices": [
            (
                "c-ind-1",
                True,
                {
                    "ar": "مصادرة جواز السفر",
                    "en": "A confiscated passport",
                    "fr": "Un passeport confisqué",
                },
            ),
            (
                "c-ind-2",
                True,
                {
                    "ar": "دين لا ينتهي لصاحب العمل",
                    "en": "An endless debt to the employer",
                    "fr": "Une dette sans fin envers l'employeur",
                },
            ),
            (
                "c-ind-3",
                False,
                {
                    "ar": "عقد عمل مكتوب بلغة العامل",
                    "en": "A written contract in the worker's language",
                    "fr": "Un contrat écrit dans la langue du travailleur",
                },
            ),
        ],
        "explanation": {
            "ar": "العقد المكتوب بلغة العامل ضمانة وليس مؤشراً.",
            "en": "A contract in the worker's language is a safeguard, not an indicator.",
            "fr": "Un contrat dans la langue du travailleur est une garantie, pas un indicateur.",
        },
    },
    {
        "id": "q-consent",
        "multiple": False,
        "text": {
            "ar": "هل تنفي موافقة الضحية البالغة وقوع الاتجار إذا استُخدم الخداع؟",
            "en": "Does an adult victim's consent rule out trafficking when deception was used?",
            "fr": "Le consentement d'une victime adulte exclut-il la traite en cas de tromperie ?",
        },
        "choices": [
            ("c-consent-1", False, {"ar": "نعم", "en": "Yes", "fr": "Oui"}),
            ("c-consent-2", True, {"ar": "لا", "en": "No", "fr": "Non"}),
        ],
        "explanation": {
            "ar": "لا أثر للموافقة متى استُخدمت إحدى الوسائل.",
            "en": "Consent is irrelevant once one of the means was used.",
            "fr": "Le consentement est indifférent dès qu'un des moyens a été utilisé.",
        },
    },
]
RIGHT_ANSWERS = {q["id"]: [c[0] for c in q["choices"] if c[1]] for q in QUESTIONS}
HALF_ANSWERS = {
    "q-elements": ["c-elements-1"],
    "q-indicators": ["c-ind-1"],
    "q-consent": ["c-consent-1"],
}

TESTS = {
    AssessmentKind.PRE_TEST: {
        "slug": "pre-test",
        "attempts": 1,
        "title": {"ar": "الاختبار القبلي", "en": "Pre-test", "fr": "Test préalable"},
        "intro": {
            "ar": "قِس معارفك قبل الدورة. لا يؤثر هذا الاختبار في إتمامك للدورة.",
            "en": "Measure what you know before the course. This test does not count towards completion.",
            "fr": "Mesurez vos connaissances avant le cours. Ce test ne compte pas pour l'achèvement.",
        },
    },
    AssessmentKind.POST_TEST: {
        "slug": "post-test",
        "attempts": 3,
        "title": {"ar": "الاختبار البعدي", "en": "Post-test", "fr": "Test final"},
        "intro": {
            "ar": "يجب اجتياز هذا الاختبار لإتمام الدورة.",
            "en": "Pass this test to complete the course.",
            "fr": "Réussissez ce test pour achever le cours.",
        },
    },
}


def test_fields(kind, test):
    def fields(code):
        questions = [
            {
                "type": "question",
                "id": q["id"],
                "value": {
                    "text": q["text"][code],
                    "multiple": q["multiple"],
                    "explanation": q["explanation"][code],
                    "choices": [
                        {
                            "type": "item",
                            "id": cid,
                            "value": {"text": texts[code], "correct": correct},
                        }
                        for cid, correct, texts in q["choices"]
                    ],
                },
            }
            for q in QUESTIONS
        ]
        return {
            "title": test["title"][code],
            "intro": test["intro"][code],
            "kind": kind,
            "pass_mark": 70,
            "max_attempts": test["attempts"],
            # The post-test shows its answers once done with; the pre-test, whose questions
            # come back in the post-test, never does.
            "review_policy": ReviewPolicy.RIGHT_WRONG_THEN_ANSWERS
            if kind == AssessmentKind.POST_TEST
            else ReviewPolicy.NEVER,
            "questions": json.dumps(questions),
        }

    return fields
