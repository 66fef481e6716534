from django.http import Http404
from wagtail import hooks

from cms.core.visibility import document_is_withheld


@hooks.register("before_serve_document")
def withhold_exempted_documents(document, request):
    """Documents of exempted DIP entries are served only to people who may edit them.
    (Private collections are Wagtail's own check, with its login/password forms.)"""
    if not document_is_withheld(document):
        return None
    user = request.user
    if user.is_authenticated and document.is_editable_by_user(user):
        return None
    raise Http404
