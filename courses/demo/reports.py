"""Demo content for reports: the public impact page in Arabic (source), English and French."""

from django.db import transaction

from wagtail.models import Locale

from training_site.models import HomePage

from ..models import ImpactPage

SLUG = "impact"

TEXTS = {
    "ar": {
        "title": "أثرنا",
        "intro": "<p>أرقام المركز منذ انطلاقه: عدد المسؤولين الذين أتمّوا تدريبهم، والدول التي "
        "قدموا منها، والدورات وساعات التدريب، ونسبة إتمام الدورات.</p>",
    },
    "en": {
        "title": "Our impact",
        "intro": "<p>The centre's figures since it opened: officials who completed their "
        "training, the countries they came from, the courses and hours of training, and the "
        "completion rate.</p>",
    },
    "fr": {
        "title": "Notre impact",
        "intro": "<p>Les chiffres du centre depuis son ouverture : les agents publics ayant achevé "
        "leur formation, leurs pays d'origine, les cours et heures de formation, et le taux "
        "d'achèvement.</p>",
    },
}


def seed(*, stdout=None) -> None:
    with transaction.atomic():
        home = HomePage.objects.filter(locale__language_code="ar").first()
        if home is None:
            return
        page = ImpactPage.objects.filter(locale=home.locale, slug=SLUG).first()
        if page is None:
            page = ImpactPage(slug=SLUG, show_in_menus=True, **TEXTS["ar"])
            home.add_child(instance=page)
            page.save_revision().publish()
        for code in ("en", "fr"):
            locale = Locale.objects.filter(language_code=code).first()
            if locale is None or page.get_translation_or_none(locale) is not None:
                continue
            translated = page.copy_for_translation(locale, copy_parents=True)
            for name, value in TEXTS[code].items():
                setattr(translated, name, value)
            translated.slug = SLUG
            translated.save_revision().publish()
        if stdout is not None:
            stdout.write("Impact page ready in Arabic, English and French.")
