import io

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from certificates import services
from certificates.pdf import name_font_size
from tests import factories

pytestmark = pytest.mark.django_db

TITLES = {
    "ar": "تحديد ضحايا الاتجار بالأشخاص وحمايتهم",
    "en": "Identifying and protecting victims of trafficking",
    "fr": "Identifier et protéger les victimes de la traite",
}


def _translate(page, code, title):
    translation = page.copy_for_translation(factories.locale(code), copy_parents=True)
    translation.title = title
    translation.save_revision().publish()
    return translation


@pytest.fixture
def translated_course(course_index):
    course = factories.CoursePageFactory(parent=course_index, title=TITLES["ar"], hours=30)
    _translate(course, "en", TITLES["en"])
    _translate(course, "fr", TITLES["fr"])
    return course


def _issue(course, *, languages="ar-en", latin="Omar Farouk", arabic="عمر فاروق", **template):
    template = factories.CertificateTemplateFactory(printed_languages=languages, **template)
    run = factories.CourseRunFactory(course=course, certificate_template=template)
    user = factories.TraineeFactory()
    user.trainee_profile.name_latin = latin
    user.trainee_profile.name_arabic = arabic
    user.trainee_profile.save()
    enrollment = factories.EnrollmentFactory(user=user, run=run, status="completed")
    return services.issue_certificate(enrollment=enrollment, by=None)


def _pdf(certificate) -> bytes:
    certificate.pdf.open("rb")
    try:
        return certificate.pdf.read()
    finally:
        certificate.pdf.close()


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    # pypdf reads a font's whole ToUnicode map as UTF-16 once one entry is a surrogate pair (an
    # emoji in the name) and then puts a NUL before every Latin letter of that font; poppler and
    # pdfium read the same map correctly, so the NULs are pypdf's and are dropped here.
    text = " ".join(page.extract_text() for page in reader.pages).replace("\x00", "")
    return len(reader.pages), " ".join(text.split())  # line breaks fall anywhere


@pytest.mark.parametrize(
    ("languages", "printed", "absent"), [("ar-en", "en", "fr"), ("ar-fr", "fr", "en")]
)
def test_pdf_has_both_names_and_the_course_title_in_each_printed_language(
    translated_course, private_storage, languages, printed, absent
):
    certificate = _issue(translated_course, languages=languages)
    pages, text = _text(_pdf(certificate))
    assert pages == 1
    assert "Omar Farouk" in text
    assert "عمر فاروق" in text  # logical order, as typed
    assert TITLES["ar"] in text
    assert TITLES[printed] in text
    assert TITLES[absent] not in text
    assert certificate.serial in text and certificate.code in text


def test_pdf_is_archival_with_title_and_author(translated_course, private_storage):
    pdf = _pdf(_issue(translated_course))
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title and "Omar Farouk" in reader.metadata.title
    assert reader.metadata.author
    root = reader.trailer["/Root"]
    assert b"pdfaid:part" in root["/Metadata"].get_data()  # PDF/A identification (XMP)
    assert "/OutputIntents" in root


def test_qr_code_opens_the_verification_page(translated_course, private_storage, settings):
    certificate = _issue(translated_course)
    page = pypdfium2.PdfDocument(_pdf(certificate))[0]
    image = page.render(scale=4).to_pil()
    results = zxingcpp.read_barcodes(image)
    assert [r.text for r in results] == [f"{settings.SITE_URL}/verify/{certificate.code}/"]


LONG_LATIN = "Maria Fernanda de los Ángeles Rodríguez-Villanueva y Castellanos del Mar"
LONG_ARABIC = "عبد الرحمن بن محمد بن عبد العزيز بن سعود آل الشيخ القحطاني الهاشمي الحسيني"


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        (LONG_LATIN, LONG_ARABIC),
        ("Jean-Baptiste عبد الله Dupont-Ben Youssef Al-Mansouri Ould Cheikh Sidi", LONG_ARABIC),
        # The longest names a profile holds (longer ones are refused by the profile form).
        ("W" * 150, "م" * 150),
    ],
    ids=["long", "mixed-scripts", "longest-allowed"],
)
def test_long_and_mixed_names_still_give_exactly_one_page(
    translated_course, private_storage, latin, arabic
):
    pages, text = _text(_pdf(_issue(translated_course, latin=latin, arabic=arabic)))
    assert pages == 1
    if len(latin) < 100:
        assert " ".join(latin.split()[:3]) in text


def test_longer_names_get_smaller_type():
    sizes = [name_font_size("x" * n) for n in (10, 45, 70, 150, 300)]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > sizes[-1]


def test_markup_in_names_is_printed_as_text_and_nothing_is_fetched(
    translated_course, private_storage, monkeypatch
):
    fetched = []
    from training_site.core import pdf as shared_pdf

    original = shared_pdf.ProjectFileFetcher.fetch

    def spy(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(shared_pdf.ProjectFileFetcher, "fetch", spy)
    latin = '<img src="file:///etc/passwd"><script>alert(1)</script>\u202eOmar 🎓'
    body = (
        '<img src="http://example.com/x.png"> <link rel="stylesheet" href="file:///etc/passwd">'
        ' {name} completed {course}. <style>@import url("http://example.com/a.css");</style>'
    )
    certificate = _issue(translated_course, latin=latin, body_en=body)
    pdf = _pdf(certificate)
    document = pypdfium2.PdfDocument(pdf)
    assert len(document) == 1
    # pdfium, not pypdf: a glyph missing from the shipped fonts (the emoji, where no emoji font
    # is installed) makes WeasyPrint write a custom encoding that pypdf cannot read back.
    text = " ".join(document[0].get_textpage().get_text_range().split())
    assert "<script>alert(1)</script>" in text
    assert '<img src="http://example.com/x.png">' in text
    assert b"root:x:" not in pdf
    assert not [url for url in fetched if "passwd" in url or "example.com" in url]


def _page_pixels(pdf: bytes) -> bytes:
    return pypdfium2.PdfDocument(pdf)[0].render(scale=1).to_pil().tobytes()


def test_reused_font_subsets_print_the_same_certificate(translated_course, private_storage):
    """Fonts are subset once per process and widened as needed: a certificate looks the same."""
    from certificates.pdf import render_certificate_pdf
    from training_site.core import patches

    first = _issue(translated_course, latin="Omar Farouk", arabic="عمر فاروق")
    other = _issue(translated_course, latin="Zygmunt Quixley-Vétré", arabic="زيغمونت كويكسلي")
    patches.font_subsets.clear()
    alone = _page_pixels(render_certificate_pdf(first))  # subsets of exactly its glyphs
    render_certificate_pdf(other)  # widens every subset
    assert _page_pixels(render_certificate_pdf(first)) == alone
