from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from .services import serta_merta_allowed, serta_merta_publish


def serta_merta_confirm(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not serta_merta_allowed(page=page, user=request.user):
        raise PermissionDenied
    if request.method == "POST":
        try:
            serta_merta_publish(page=page, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("wagtailadmin_pages:edit", page.pk)
        messages.success(
            request,
            _("'%(title)s' terbit serta merta; tugas tinjauan tetap terbuka.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request, "editorial/serta_merta_confirm.html", {"page": page}
    )
