"""Complaints in the Wagtail admin."""

from django.utils.translation import gettext as _
from wagtail import hooks

from .category_admin import CategoryViewSet


@hooks.register("register_admin_viewset")
def register_complaint_categories():
    return CategoryViewSet()


@hooks.register("register_admin_urls")
def register_complaints_admin_urls():
    from django.urls import include, path

    return [path("aduan/", include("cms.complaints.admin.urls"))]


@hooks.register("register_admin_menu_item")
def register_complaints_menu():
    from .admin.menu import complaints_menu_item

    return complaints_menu_item()


# Follow-up pages (cms.content FollowUpPage): the approved text is the verification
# team's. OPD editors own the OPD subtree the page lives in, so every admin door
# that changes a page refuses them: editing (also reverting a revision), moving,
# copying, deleting, unpublishing, bulk actions; the page form checks it again.


def _is_followup(page) -> bool:
    from cms.content.models import FollowUpPage

    return issubclass(page.specific_class or type(page), FollowUpPage)


def _refuse_followup(request, page, *args):
    from wagtail.admin.auth import permission_denied

    from .access import is_verifier

    if _is_followup(page) and not is_verifier(request.user):
        return permission_denied(request)
    return None


for _hook in (
    "before_edit_page",
    "before_delete_page",
    "before_unpublish_page",
    "before_move_page",
    "before_copy_page",
):
    hooks.register(_hook, _refuse_followup)


@hooks.register("before_bulk_action")
def refuse_followup_bulk_actions(request, action_type, objects, action):
    if any(_is_followup(obj) for obj in objects if hasattr(obj, "specific_class")):
        return _refuse_followup(request, next(o for o in objects if _is_followup(o)))
    return None


@hooks.register("clean_followup_page")
def clean_followup_page(form, cleaned_data):
    """Asked by FollowUpPageForm.clean: only the verification team, and no
    identity in what the public reads."""
    from django.core.exceptions import ValidationError

    from .access import is_verifier
    from .publication import followup_identity_leaks

    if not is_verifier(form.for_user):
        raise ValidationError(
            _("Hanya tim verifikasi aduan provinsi yang dapat mengubah tindak lanjut.")
        )
    public_fields = ("title", "summary", "text", "seo_title", "search_description")
    for name in public_fields:
        leaks = followup_identity_leaks(
            form.instance.report, cleaned_data.get(name) or ""
        )
        if leaks and name in form.fields:
            form.add_error(
                name,
                _("Masih memuat identitas pelapor: %(leaks)s.")
                % {"leaks": "; ".join(leaks)},
            )
