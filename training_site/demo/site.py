"""Demo content for the site itself: locales, home and standard pages, settings, role users."""

from django.contrib.auth import get_user_model
from django.db import transaction

from wagtail.models import Locale, Page, Site

from allauth.account.models import EmailAddress

from training_site.models import CentreSettings, HomePage, PartnerLogo, StandardPage
from training_site.models.roles import Role
from training_site.services.roles import grant_role

DEMO_PASSWORD = "demo-Centre-2026"  # noqa: S105 (demo only; refused in production settings)

DEMO_USERS = [
    # email, first name, last name, role
    ("staff@example.org", "Salma", "Haddad", "staff"),
    ("instructor@example.org", "Karim", "Mansour", "instructor"),
    ("instructor2@example.org", "Claire", "Dubois", "instructor"),
    ("trainee@example.org", "Omar", "Farouk", "trainee"),
    ("trainee2@example.org", "Aicha", "Benali", "trainee"),
    ("focal@example.org", "Youssef", "Nasser", "focal_point"),
]

DEMO_ROLES = {"staff": Role.STAFF, "instructor": Role.INSTRUCTOR}

HOME = {
    "ar": {
        "title": "الرئيسية",
        "hero_title": "المركز الإقليمي للتدريب وبناء القدرات في مجال مكافحة الاتجار بالأشخاص",
        "intro": "<p>نُدرّب رجال الشرطة والنيابة ومفتشي العمل والأخصائيين الاجتماعيين وموظفي المنظمات "
        "غير الحكومية من دول المنطقة على تحديد الضحايا وحمايتهم، والتحقيق في قضايا الاتجار "
        "بالأشخاص وملاحقة مرتكبيها.</p>",
    },
    "en": {
        "title": "Home",
        "hero_title": "Regional Centre for Training and Capacity Building in Combating "
        "Trafficking in Persons",
        "intro": "<p>We train police officers, prosecutors, labour inspectors, social workers and NGO "
        "staff from across the region to identify and protect victims, and to investigate and "
        "prosecute trafficking in persons.</p>",
    },
    "fr": {
        "title": "Accueil",
        "hero_title": "Centre régional de formation et de renforcement des capacités en matière "
        "de lutte contre la traite des personnes",
        "intro": "<p>Nous formons des policiers, des procureurs, des inspecteurs du travail, des "
        "travailleurs sociaux et des membres d'ONG de toute la région à l'identification et à la "
        "protection des victimes, ainsi qu'aux enquêtes et aux poursuites en matière de traite.</p>",
    },
}

STANDARD_PAGES = {
    "about": {
        "ar": (
            "عن المركز",
            "مركز إقليمي يعمل مع الشركاء الوطنيين والدوليين لبناء قدرات العاملين في "
            "مكافحة الاتجار بالأشخاص.",
        ),
        "en": (
            "About the centre",
            "A regional centre working with national and international "
            "partners to build the capacity of those who combat trafficking in persons.",
        ),
        "fr": (
            "À propos du centre",
            "Un centre régional qui travaille avec ses partenaires "
            "nationaux et internationaux pour renforcer les capacités des acteurs de la lutte "
            "contre la traite des personnes.",
        ),
    },
    "contact": {
        "ar": (
            "اتصل بنا",
            "للاستفسارات حول البرامج التدريبية والزيارات الدراسية، راسلنا على "
            "البريد الإلكتروني أدناه.",
        ),
        "en": (
            "Contact",
            "For questions about training programmes and study visits, write to "
            "us at the address below.",
        ),
        "fr": (
            "Contact",
            "Pour toute question sur les programmes de formation et les visites "
            "d'étude, écrivez-nous à l'adresse ci-dessous.",
        ),
    },
}


def seed(*, stdout=None) -> None:
    with transaction.atomic():
        locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in ("ar", "en", "fr")
        }
        home = _home_pages(locales)
        for slug, texts in STANDARD_PAGES.items():
            _standard_page(home, locales, slug, texts)
        _settings()
        _users()


def _home_pages(locales) -> dict[str, HomePage]:
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()
    home_ar = HomePage.objects.filter(locale=locales["ar"]).first()
    if home_ar is None:
        # Replace Wagtail's welcome page with the centre's home page.
        for welcome in root.get_children().exclude(content_type__model="homepage"):
            if welcome.slug == "home":
                welcome.delete()
        home_ar = HomePage(slug="home", locale=locales["ar"], **HOME["ar"])
        root.add_child(instance=home_ar)
        home_ar.save_revision().publish()
        if site is None:
            site = Site(is_default_site=True)
        site.hostname = "localhost"
        site.port = 80
        site.site_name = "Regional Training Centre"
        site.root_page = home_ar
        site.save()
    homes = {"ar": home_ar}
    for code in ("en", "fr"):
        homes[code] = translate_page(home_ar, locales[code], HOME[code])
    return homes


def translate_page(page, locale, fields):
    """The translation of `page` in `locale`: the existing one, or a published copy with `fields`."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated.specific


def _standard_page(homes, locales, slug, texts):
    home_ar = homes["ar"]
    page = StandardPage.objects.filter(slug=slug, locale=locales["ar"]).first()
    if page is None:
        title, intro = texts["ar"]
        page = StandardPage(slug=slug, title=title, intro=intro, show_in_menus=True)
        home_ar.add_child(instance=page)
        page.save_revision().publish()
    for code in ("en", "fr"):
        title, intro = texts[code]
        translate_page(page, locales[code], {"title": title, "intro": intro, "slug": slug})


def _settings():
    site = Site.objects.get(is_default_site=True)
    centre = CentreSettings.for_site(site)
    if not centre.name_en:
        centre.name_ar = "المركز الإقليمي للتدريب وبناء القدرات في مجال مكافحة الاتجار بالأشخاص"
        centre.name_en = "Regional Training Centre on Combating Trafficking in Persons"
        centre.name_fr = "Centre régional de formation à la lutte contre la traite des personnes"
        centre.short_name = "RTC"
        centre.email = "training@example.org"
        centre.phone = "+000 0000 0000"
        centre.address = "Training Centre\nDemo City"
        centre.save()
    if not centre.partners.exists():
        PartnerLogo.objects.create(
            settings=centre, name="UNODC", url="https://www.unodc.org/", sort_order=0
        )
        PartnerLogo.objects.create(
            settings=centre, name="IOM", url="https://www.iom.int/", sort_order=1
        )


def _users():
    """The demo accounts; roles are granted as staff would, through the role services (here by
    the platform itself, `by=None`). Focal points are appointed by courses.demo.nominations."""
    User = get_user_model()
    for email, first, last, role in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=email.split("@")[0],
            defaults={"email": email, "first_name": first, "last_name": last},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if role in DEMO_ROLES:
            grant_role(user=user, role=DEMO_ROLES[role], by=None)
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
