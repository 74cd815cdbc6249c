"""The centre's name in each language of settings.LANGUAGES, with English then Arabic as fallback."""

from django.utils import translation

from training_site.models import CentreSettings


def test_the_centre_name_follows_the_language():
    centre = CentreSettings(name_ar="المركز", name_en="The centre", name_fr="Le centre")
    assert [centre.name_for(code) for code in ("ar", "en", "fr")] == [
        "المركز",
        "The centre",
        "Le centre",
    ]
    with translation.override("fr"):
        assert centre.name == "Le centre"


def test_a_missing_name_falls_back_to_english_then_arabic():
    assert CentreSettings(name_ar="المركز", name_en="The centre").name_for("fr") == "The centre"
    assert CentreSettings(name_ar="المركز").name_for("fr") == "المركز"
    assert CentreSettings(name_ar="المركز", name_en="The centre").name_for("de") == "The centre"


def test_only_the_languages_of_the_settings_pick_a_field(settings):
    centre = CentreSettings(short_name="RTC", name_en="The centre")
    assert centre.name_for("sh") == "The centre"  # not the field name_sh..., nor short_name
    settings.LANGUAGES = [("en", "English")]
    assert CentreSettings(name_fr="Le centre", name_en="The centre").name_for("fr") == "The centre"
