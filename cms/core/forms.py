"""Admin form base that keeps media choices inside the editor's own collections."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry


def _scope_media_fields(form, user) -> None:
    media_models = {get_image_model(), get_document_model()}
    for field in form.fields.values():
        if (
            isinstance(field, forms.ModelChoiceField)
            and field.queryset.model in media_models
        ):
            policy = policy_registry.get_by_type(field.queryset.model)
            field.queryset = policy.instances_user_has_any_permission_for(
                user, ["choose"]
            )


class MediaScopedPageForm(WagtailAdminPageForm):
    """The choosers only offer the editor's collections; this makes the server refuse
    another OPD's image or document even when its id is posted by hand."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None:
            _scope_media_fields(self, for_user)
            for formset in self.formsets.values():
                for child in formset.forms:
                    _scope_media_fields(child, for_user)
