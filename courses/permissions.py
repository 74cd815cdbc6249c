"""Who may read course material: lesson and test bodies, and the documents pages use."""

from training_site.core.roles import is_centre_staff

from .models import AssessmentPage, CoursePage, LessonPage
from .queries.documents import pages_using
from .services.instructors import teaches
from .services.learning import learning_enrollment


def may_read(user, course, enrollment) -> bool:
    """Trainees with a place read the bodies; so do centre staff and the course's instructors."""
    if enrollment is not None:
        return True
    if not user.is_authenticated:
        return False
    return is_centre_staff(user) or teaches(user, course)


def _page_lets_read(request, page) -> bool:
    """Whether the reader of `request` may see what `page` shows: its privacy settings first,
    then, inside a course, the course's rule (a place on a run, teaching it, or staff)."""
    if not all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
        return False
    if isinstance(page, LessonPage | AssessmentPage):
        course = CoursePage.objects.filter(path=page.path[: -page.steplen]).first()
        if course is None:
            return False
        user = request.user
        return may_read(user, course, learning_enrollment(user=user, course=course))
    return True  # a public page: what it links to is public too


def may_read_document(request, document) -> bool:
    """Centre staff, the person who uploaded it, and whoever may read a live page that uses it.
    A document no live page uses is the staff's and its uploader's only."""
    user = request.user
    if is_centre_staff(user):
        return True
    if user.is_authenticated and document.uploaded_by_user_id == user.pk:
        return True
    return any(_page_lets_read(request, page) for page in pages_using(document))
