"""Documents (lesson handouts): checked, downloaded, never shown inline from the site's origin."""

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.models import document_served

from ..permissions import may_read_document

# Even if a browser were told to open the file, it could run nothing and load nothing.
SANDBOX = "default-src 'none'; sandbox"


@require_safe
def serve_document(request, key, filename):
    document = get_object_or_404(get_document_model(), key=key)
    if document.filename != filename:
        raise Http404
    if not may_read_document(request, document):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    for hook in hooks.get_hooks("before_serve_document"):  # the collection's privacy (Wagtail)
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            return result
    document_served.send(sender=type(document), instance=document, request=request)
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.filename,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response
