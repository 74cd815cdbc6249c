"""Demo content for study visits: the public page in three languages, two stories, and one
confirmed request with its programme page. Idempotent; copes with an empty catalogue."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

from courses.models import CoursePage, Topic
from training_site.demo.site import translate_page
from training_site.models import (
    HomePage,
    StudyVisitIndexPage,
    StudyVisitStoryPage,
    VisitProgrammePage,
    VisitRequest,
    VisitRequestStatus,
    VisitStatusChange,
)

INDEX = {
    "ar": (
        "الزيارات الدراسية",
        "<p>يستقبل المركز الوفود الوطنية في زيارات دراسية لعدة أيام، للتعرّف على الآلية الوطنية "
        "للإحالة وعلى عمل المركز والجهات الشريكة في مكافحة الاتجار بالأشخاص.</p>",
        "تتضمن الزيارة لقاءات ثنائية مع الجهات المعنية، وعروضًا تقدمها المؤسسات الوطنية، "
        "وزيارات ميدانية إلى مراكز الحماية والإيواء، وعروضًا تطبيقية من برامجنا التدريبية.",
    ),
    "en": (
        "Study visits",
        "<p>The centre welcomes national delegations for study visits of several days, to learn "
        "how the national referral mechanism, the centre and its partners work against "
        "trafficking in persons.</p>",
        "A visit combines bilateral meetings with the bodies involved, presentations by national "
        "institutions, field visits to protection and shelter centres, and demonstrations of our "
        "training.",
    ),
    "fr": (
        "Visites d'étude",
        "<p>Le centre accueille des délégations nationales pour des visites d'étude de plusieurs "
        "jours, afin de découvrir le fonctionnement du mécanisme national d'orientation, du centre "
        "et de ses partenaires dans la lutte contre la traite des personnes.</p>",
        "Une visite associe des réunions bilatérales avec les institutions concernées, des "
        "présentations, des visites de terrain dans des centres de protection et d'hébergement, "
        "et des démonstrations de nos formations.",
    ),
}

STORIES = [
    {
        "slug": "labour-inspectors-2025",
        "visit_date": dt.date(2025, 10, 12),
        "country": "MA",
        "ar": (
            "وفد من مفتشي العمل",
            "اطّلع وفد من مفتشي العمل على أدوات تحديد ضحايا العمل القسري وعلى التعاون مع النيابة.",
        ),
        "en": (
            "A delegation of labour inspectors",
            "Labour inspectors studied how forced-labour victims are identified and how "
            "inspectors work with prosecutors.",
        ),
        "fr": (
            "Une délégation d'inspecteurs du travail",
            "Des inspecteurs du travail ont étudié l'identification des victimes de travail forcé "
            "et la coopération avec le parquet.",
        ),
    },
    {
        "slug": "referral-committee-2026",
        "visit_date": dt.date(2026, 3, 8),
        "country": "TN",
        "ar": (
            "لجنة وطنية تدرس آلية الإحالة",
            "زارت لجنة وطنية المركز مع مكتب الأمم المتحدة المعني بالمخدرات والجريمة للتعرّف على "
            "آلية الإحالة الوطنية ومراكز الإيواء.",
        ),
        "en": (
            "A national committee studies the referral mechanism",
            "A national committee visited the centre with UNODC to learn how the national "
            "referral mechanism and the shelters work.",
        ),
        "fr": (
            "Un comité national étudie le mécanisme d'orientation",
            "Un comité national a visité le centre avec l'ONUDC pour découvrir le mécanisme "
            "national d'orientation et les centres d'hébergement.",
        ),
    },
]

DEMO_CONTACT = "delegation.demo@example.org"

PROGRAMME = {
    "ar": (
        "برنامج زيارة اللجنة الوطنية لمكافحة الاتجار بالأشخاص",
        "اللجنة الوطنية لمكافحة الاتجار بالأشخاص، بالتعاون مع مكتب الأمم المتحدة المعني "
        "بالمخدرات والجريمة",
        "يستقبلكم فريق المركز في بهو المبنى الرئيسي في الساعة 8:45 من كل يوم.",
    ),
    "en": (
        "Visit programme of the National Committee to Combat Trafficking in Persons",
        "National Committee to Combat Trafficking in Persons, with UNODC",
        "The centre's team meets you in the main building's lobby at 8:45 every day.",
    ),
    "fr": (
        "Programme de la visite du Comité national de lutte contre la traite des personnes",
        "Comité national de lutte contre la traite des personnes, avec l'ONUDC",
        "L'équipe du centre vous accueille dans le hall du bâtiment principal à 8 h 45 chaque jour.",
    ),
}


def seed(*, stdout=None) -> None:
    homes = {
        home.locale.language_code: home
        for home in HomePage.objects.select_related("locale").filter(
            locale__language_code__in=["ar", "en", "fr"]
        )
    }
    if "ar" not in homes:
        if stdout:
            stdout.write("study visits: no Arabic home page, skipped\n")
        return
    with transaction.atomic():
        locales = {code: Locale.objects.get(language_code=code) for code in ("ar", "en", "fr")}
        index = _index_page(homes["ar"], locales)
        for story in STORIES:
            _story(index, locales, story)
        visit = _visit_request()
        _programme(index, locales, visit)
    if stdout:
        stdout.write("study visits: page, 2 stories, 1 confirmed request with its programme\n")


def _publish(page):
    page.save_revision().publish()


def _index_page(home_ar, locales) -> StudyVisitIndexPage:
    index = StudyVisitIndexPage.objects.filter(locale=locales["ar"]).first()
    if index is None:
        title, intro, offer = INDEX["ar"]
        index = StudyVisitIndexPage(
            title=title,
            slug="study-visits",
            intro=intro,
            body=[("paragraph", f"<p>{offer}</p>")],
            show_in_menus=True,
        )
        home_ar.add_child(instance=index)
        _publish(index)
    for code in ("en", "fr"):
        title, intro, offer = INDEX[code]
        translate_page(
            index,
            locales[code],
            {"title": title, "intro": intro, "body": [("paragraph", f"<p>{offer}</p>")]},
        )
    return index


def _story(index, locales, story) -> None:
    page = StudyVisitStoryPage.objects.filter(slug=story["slug"], locale=locales["ar"]).first()
    if page is None:
        title, summary = story["ar"]
        page = StudyVisitStoryPage(
            title=title,
            slug=story["slug"],
            summary=summary,
            visit_date=story["visit_date"],
            country=story["country"],
        )
        index.add_child(instance=page)
        _publish(page)
    for code in ("en", "fr"):
        title, summary = story[code]
        translate_page(page, locales[code], {"title": title, "summary": summary})


def _visit_request() -> VisitRequest:
    visit = VisitRequest.objects.filter(contact_email=DEMO_CONTACT).first()
    if visit is not None:
        return visit
    start = timezone.localdate() + dt.timedelta(days=45)
    visit = VisitRequest.objects.create(
        country="JO",
        institutions="National Committee to Combat Trafficking in Persons\nMinistry of Labour",
        contact_name="Rania Khalil",
        contact_email=DEMO_CONTACT,
        delegation_size=8,
        preferred_start=start,
        preferred_end=start + dt.timedelta(days=3),
        languages=["ar", "en"],
        message="We would like to learn how the national referral mechanism works in practice.",
        language="en",
        status=VisitRequestStatus.CONFIRMED,
    )
    visit.topics.set(Topic.objects.filter(locale__language_code="en")[:2])
    VisitStatusChange.objects.create(
        request=visit, from_status=VisitRequestStatus.NEW, to_status=VisitRequestStatus.CONFIRMED
    )
    return visit


# Per language: day themes, then (title, place, host) of each item.
DAYS = {
    "ar": (
        ("الآلية الوطنية للإحالة", "الحماية"),
        (
            ("ترحيب ولقاء ثنائي مع مدير المركز", "المركز، قاعة الاجتماعات 1", "المركز"),
            ("كيف تعمل الآلية الوطنية للإحالة", "المركز، القاعة أ", "اللجنة الوطنية"),
            ("زيارة إلى مركز لإيواء الضحايا", "مركز الحماية والإيواء", "وزارة التنمية الاجتماعية"),
            ("مقابلة تحديد الضحايا: عرض تدريبي", "المركز، قاعة التدريب", "مدربو المركز"),
        ),
    ),
    "en": (
        ("The national referral mechanism", "Protection"),
        (
            ("Welcome and bilateral meeting with the director", "Centre, meeting room 1", "Centre"),
            ("How the national referral mechanism works", "Centre, Hall A", "National committee"),
            (
                "Visit to a shelter for victims",
                "Protection and shelter centre",
                "Ministry of Social Development",
            ),
            (
                "Victim identification interview: a training demonstration",
                "Centre, training room",
                "Centre instructors",
            ),
        ),
    ),
    "fr": (
        ("Le mécanisme national d'orientation", "La protection"),
        (
            (
                "Accueil et réunion bilatérale avec le directeur",
                "Centre, salle de réunion 1",
                "Centre",
            ),
            (
                "Le fonctionnement du mécanisme national d'orientation",
                "Centre, salle A",
                "Comité national",
            ),
            (
                "Visite d'un centre d'hébergement pour les victimes",
                "Centre de protection et d'hébergement",
                "Ministère du Développement social",
            ),
            (
                "Entretien d'identification des victimes : démonstration de formation",
                "Centre, salle de formation",
                "Formateurs du centre",
            ),
        ),
    ),
}


def _programme_days(code, visit, courses) -> list:
    (theme1, theme2), texts = DAYS[code]
    first = visit.preferred_start
    return [
        (
            "day",
            {
                "date": first,
                "title": theme1,
                "items": [
                    _item("bilateral_meeting", "09:00", "10:30", *texts[0], []),
                    _item("presentation", "11:00", "12:30", *texts[1], courses),
                ],
            },
        ),
        (
            "day",
            {
                "date": first + dt.timedelta(days=1),
                "title": theme2,
                "items": [
                    _item("field_visit", "09:30", "12:00", *texts[2], []),
                    _item("training_demonstration", "14:00", "15:30", *texts[3], courses[:1]),
                ],
            },
        ),
    ]


def _item(kind, start, end, title, place, host, courses) -> dict:
    return {
        "kind": kind,
        "start_time": start,
        "end_time": end,
        "title": title,
        "place": place,
        "host": host,
        "description": "",
        "courses": list(courses),
    }


def _programme(index, locales, visit) -> None:
    page = VisitProgrammePage.objects.filter(visit_request=visit, locale=locales["ar"]).first()
    courses = list(CoursePage.objects.live().filter(locale=locales["ar"])[:2])
    if page is None:
        title, delegation, practical = PROGRAMME["ar"]
        page = VisitProgrammePage(
            title=title,
            slug="programme-national-committee",
            visit_request=visit,
            delegation=delegation,
            practical_information=practical,
            days=_programme_days("ar", visit, courses),
        )
        index.add_child(instance=page)
        _publish(page)
    for code in ("en", "fr"):
        title, delegation, practical = PROGRAMME[code]
        translate_page(
            page,
            locales[code],
            {
                "title": title,
                "delegation": delegation,
                "practical_information": practical,
                "days": _programme_days(code, visit, courses),
            },
        )
