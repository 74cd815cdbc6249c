"""Demo learning data: lessons and both tests for the first two courses in three languages, a run
in progress with trainees at different stages and a finished run (some completed, some not).

Runs after courses.demo.catalogue; does nothing when there is no course. Idempotent.
"""

import datetime as dt
import json

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

from allauth.account.models import EmailAddress

from ..choices import AssessmentKind, AttendanceStatus, EnrollmentStatus, RunStatus
from ..models import (
    AssessmentPage,
    Attendance,
    CoursePage,
    CourseRun,
    Enrollment,
    EnrollmentStatusChange,
    LessonPage,
    LessonProgress,
    Session,
    TraineeProfile,
)
from ..models.catalogue import CourseInstructor
from ..services.completion import evaluate_completion, override_completion
from ..services.instructors import sync_instructor_permissions
from ..services.learning import mark_lesson_done, start_attempt, submit_attempt

LANGS = ("ar", "en", "fr")
RUNNING_VENUE = "Training Centre, Hall B"
FINISHED_VENUE = "Training Centre, Hall C"

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

EXTRA_TRAINEES = [
    ("demo-trainee1@example.org", "Hassan", "Ali", "EG", "حسن علي"),
    ("demo-trainee2@example.org", "Leila", "Mansouri", "TN", "ليلى منصوري"),
    ("demo-trainee3@example.org", "Samir", "Khoury", "LB", "سمير خوري"),
    ("demo-trainee4@example.org", "Nadia", "Benyoussef", "MA", "نادية بن يوسف"),
]


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


def seed(*, stdout=None) -> None:
    courses = list(CoursePage.objects.filter(locale__language_code="ar").order_by("path")[:2])
    if not courses:
        _say(stdout, "Learning demo: no course found, nothing to do.")
        return
    with transaction.atomic():
        locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGS}
        for course in courses:
            for lesson in LESSONS:
                _page(course, locales, LessonPage, lesson["slug"], _lesson_fields(lesson))
            for kind, test in TESTS.items():
                _page(course, locales, AssessmentPage, test["slug"], _test_fields(kind, test))
        _instructors(courses)
        trainees = _trainees()
        _running_run(courses[0], trainees)
        _finished_run(courses[0], trainees)
    _say(stdout, "Learning demo: lessons, tests, a run in progress and a finished run.")


# --- pages --------------------------------------------------------------------------------


def _lesson_fields(lesson):
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


def _test_fields(kind, test):
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
            "questions": json.dumps(questions),
        }

    return fields


def _page(course, locales, model, slug, fields):
    page = model.objects.child_of(course).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields("ar"))
        course.add_child(instance=page)
        page.save_revision().publish()
    for code in ("en", "fr"):
        if page.get_translation_or_none(locales[code]) is not None:
            continue
        if course.get_translation_or_none(locales[code]) is None:
            continue
        translated = page.copy_for_translation(locales[code])
        for name, value in fields(code).items():
            setattr(translated, name, value)
        translated.slug = slug
        translated.save_revision().publish()
    return page


# --- people -------------------------------------------------------------------------------


def _instructors(courses):
    User = get_user_model()
    for course, username in zip(courses, ("instructor", "instructor2"), strict=False):
        user = User.objects.filter(username=username).first()
        has_account = CourseInstructor.objects.filter(
            page__translation_key=course.translation_key, user__isnull=False
        ).exists()
        if user is not None and not has_account:
            CourseInstructor.objects.create(
                page=course, user=user, name=user.get_full_name() or username
            )
        sync_instructor_permissions(course=course)


def _trainees():
    User = get_user_model()
    people = [
        ("trainee@example.org", "Omar", "Farouk", "JO", "عمر فاروق"),
        ("trainee2@example.org", "Aicha", "Benali", "DZ", "عائشة بن علي"),
        *EXTRA_TRAINEES,
    ]
    users = []
    for email, first, last, country, arabic in people:
        user, created = User.objects.get_or_create(
            username=email.split("@")[0],
            defaults={"email": email, "first_name": first, "last_name": last},
        )
        if created:
            from training_site.demo import DEMO_PASSWORD

            user.set_password(DEMO_PASSWORD)
            user.save()
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        TraineeProfile.objects.get_or_create(
            user=user,
            defaults={
                "name_latin": f"{first} {last}",
                "name_arabic": arabic,
                "country": country,
                "organisation": "Ministry of Interior",
                "organisation_type": "police",
                "job_title": "Investigator",
                "preferred_language": "ar",
                "consent_at": timezone.now(),
            },
        )
        users.append(user)
    return users


# --- runs ---------------------------------------------------------------------------------


def _run(course, venue, *, start, end, status, sessions):
    run = CourseRun.objects.filter(
        course__translation_key=course.translation_key, venue=venue
    ).first()
    if run is not None:
        return run, False
    run = CourseRun.objects.create(
        course=course,
        venue=venue,
        start_date=start,
        end_date=end,
        enrollment_opens=timezone.now() - dt.timedelta(days=90),
        enrollment_closes=timezone.make_aware(dt.datetime.combine(start, dt.time(0, 0)))
        - dt.timedelta(days=1),
        status=status,
        capacity=20,
        min_attendance_percent=75,
        require_lessons=True,
        require_post_test=True,
    )
    for day in range(sessions):
        starts = timezone.make_aware(
            dt.datetime.combine(start + dt.timedelta(days=day), dt.time(9))
        )
        Session.objects.create(
            run=run,
            title=f"Day {day + 1}",
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=3),
            room="B",
            sort_order=day,
        )
    return run, True


def _enrol(run, user):
    enrollment = Enrollment.objects.create(user=user, run=run, status=EnrollmentStatus.ENROLLED)
    EnrollmentStatusChange.objects.create(
        enrollment=enrollment, from_status="", to_status=EnrollmentStatus.ENROLLED
    )
    return enrollment


def _lessons(course):
    return list(LessonPage.objects.child_of(course).live().order_by("path"))


def _tests(course):
    return {t.kind: t for t in AssessmentPage.objects.child_of(course).live()}


def _take(user, test, answers):
    attempt = start_attempt(user=user, assessment=test)
    submit_attempt(user=user, attempt_id=attempt.public_id, answers=answers)


def _attend(run, enrollment, statuses, by=None):
    for session, status in zip(run.sessions.order_by("starts_at"), statuses, strict=False):
        Attendance.objects.create(session=session, enrollment=enrollment, status=status)
    evaluate_completion(enrollment=enrollment, by=by)


def _running_run(course, trainees):
    today = timezone.localdate()
    run, created = _run(
        course,
        RUNNING_VENUE,
        start=today - dt.timedelta(days=2),
        end=today + dt.timedelta(days=3),
        status=RunStatus.RUNNING,
        sessions=5,
    )
    if not created:
        return
    lessons, tests = _lessons(course), _tests(course)
    P, A = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT
    trainee, extra1, extra2 = trainees[0], trainees[2], trainees[3]
    # Omar: pre-test taken, one lesson done, present twice.
    enrollment = _enrol(run, trainee)
    _take(trainee, tests[AssessmentKind.PRE_TEST], HALF_ANSWERS)
    for lesson in lessons[:1]:
        mark_lesson_done(user=trainee, lesson=lesson)
    _attend(run, enrollment, [P, P])
    # Hassan: every lesson, failed the post-test once, absent once.
    enrollment = _enrol(run, extra1)
    _take(extra1, tests[AssessmentKind.PRE_TEST], HALF_ANSWERS)
    for lesson in lessons:
        mark_lesson_done(user=extra1, lesson=lesson)
    _take(extra1, tests[AssessmentKind.POST_TEST], HALF_ANSWERS)
    _attend(run, enrollment, [P, A])
    # Leila: lessons done and post-test passed; only attendance is left.
    enrollment = _enrol(run, extra2)
    for lesson in lessons:
        mark_lesson_done(user=extra2, lesson=lesson)
    _take(extra2, tests[AssessmentKind.POST_TEST], RIGHT_ANSWERS)
    _attend(run, enrollment, [P, P])


def _finished_run(course, trainees):
    today = timezone.localdate()
    run, created = _run(
        course,
        FINISHED_VENUE,
        start=today - dt.timedelta(days=60),
        end=today - dt.timedelta(days=57),
        status=RunStatus.FINISHED,
        sessions=4,
    )
    if not created:
        return
    lessons, tests = _lessons(course), _tests(course)
    P, A, E = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED
    staff = get_user_model().objects.filter(username="staff").first()
    plans = [
        (trainees[1], [P, P, P, P], True),  # Aicha: completed
        (trainees[4], [P, P, E, P], True),  # Samir: completed (one excused absence)
        (trainees[5], [P, A, A, A], False),  # Nadia: not completed (attendance, post-test)
    ]
    for user, attendance, passes in plans:
        enrollment = _enrol(run, user)
        _take(user, tests[AssessmentKind.PRE_TEST], HALF_ANSWERS)
        for lesson in lessons:
            LessonProgress.objects.get_or_create(
                enrollment=enrollment, lesson_key=lesson.translation_key
            )
        _take(user, tests[AssessmentKind.POST_TEST], RIGHT_ANSWERS if passes else HALF_ANSWERS)
        _attend(run, enrollment, attendance, by=staff)
        enrollment.refresh_from_db()
        if enrollment.status == EnrollmentStatus.ENROLLED:
            override_completion(
                enrollment=enrollment,
                by=staff,
                complete=False,
                reason="Run closed: attendance below 75% and post-test not passed.",
            )
