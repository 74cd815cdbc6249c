"""Admin views of study-visit requests: saving goes through the visit services."""

from wagtail.admin.views.generic import EditView

from training_site.visits.models import VisitRequest
from training_site.visits.services import follow_up_request


class VisitRequestEditView(EditView):
    def save_instance(self):
        visit = VisitRequest.objects.get(pk=self.object.pk)
        data = self.form.cleaned_data
        follow_up_request(
            visit=visit,
            by=self.request.user,
            status=data["status"],
            note=data.get("note", ""),
            reply=data.get("reply", ""),
            send_programme=data.get("send_programme", False),
        )
        return visit
