"""Demo certificates: a default Arabic–English template, named by every run, and certificates for
the completed enrollments that exist when this runs (after the learning demo). Idempotent."""

from django.contrib.auth import get_user_model
from django.db import transaction

from courses.choices import EnrollmentStatus
from courses.models import CourseRun, Enrollment

from .choices import CertificateStatus, PrintedLanguages
from .models import Certificate, CertificateSignatory, CertificateTemplate
from .services import issue_certificate

TEMPLATE_NAME = "Default certificate (Arabic and English)"

BODY = {
    "ar": "أتمّ بنجاح الدورة التدريبية «{course}» التي عقدها المركز في {venue} خلال الفترة من "
    "{dates}، بواقع {hours} ساعة تدريبية.",
    "en": "has successfully completed the training course “{course}”, held at {venue} from "
    "{dates}, comprising {hours} training hours.",
    "fr": "a suivi avec succès la formation « {course} », tenue à {venue} du {dates}, "
    "d’une durée de {hours} heures.",
}

SIGNATORIES = [
    {
        "name_ar": "د. سلمى حدّاد",
        "name_en": "Dr Salma Haddad",
        "name_fr": "Dr Salma Haddad",
        "title_ar": "مديرة المركز",
        "title_en": "Director of the Centre",
        "title_fr": "Directrice du Centre",
    },
    {
        "name_ar": "كريم منصور",
        "name_en": "Karim Mansour",
        "name_fr": "Karim Mansour",
        "title_ar": "منسّق برامج التدريب",
        "title_en": "Training Programme Coordinator",
        "title_fr": "Coordonnateur des programmes de formation",
    },
]


def _write(stdout, message):
    if stdout is not None:
        stdout.write(message)


def default_template() -> CertificateTemplate:
    template = CertificateTemplate.objects.filter(name=TEMPLATE_NAME).first()
    if template is not None:
        return template
    template = CertificateTemplate(
        name=TEMPLATE_NAME,
        printed_languages=PrintedLanguages.ARABIC_ENGLISH,
        body_ar=BODY["ar"],
        body_en=BODY["en"],
        body_fr=BODY["fr"],
    )
    template.signatories = [CertificateSignatory(**data) for data in SIGNATORIES]
    template.save()
    return template


def seed(*, stdout=None) -> None:
    with transaction.atomic():
        template = default_template()
        CourseRun.objects.filter(certificate_template__isnull=True).update(
            certificate_template=template
        )
    staff = get_user_model().objects.filter(username="staff").first()
    completed = Enrollment.objects.filter(status=EnrollmentStatus.COMPLETED).exclude(
        certificates__status=CertificateStatus.VALID
    )
    issued = 0
    for enrollment in completed:
        if Certificate.objects.filter(enrollment=enrollment).exists():
            continue
        issue_certificate(enrollment=enrollment, by=staff)
        issued += 1
    _write(stdout, f"certificates: template ready, {issued} certificate(s) issued")
