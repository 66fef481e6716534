"""The admin form of an API key: scopes as checkboxes, origins one per line."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from api.keys.models import APIKeyScope
from api.keys.origins import normalise_origin


class OriginListField(forms.CharField):
    """Origins typed one per line, stored as a list of canonical origins."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        lines = (line.strip() for line in (value or "").splitlines())
        return [line for line in lines if line]

    def validate(self, value):
        super().validate(value)
        bad = [line for line in value if normalise_origin(line) is None]
        if bad:
            raise forms.ValidationError(
                _(
                    "Bukan origin yang sah: %(origins)s. Contoh: https://dinkes.bantenprov.go.id"
                )
                % {"origins": ", ".join(bad)}
            )

    def clean(self, value):
        origins = super().clean(value)
        return list(dict.fromkeys(normalise_origin(line) for line in origins))


class APIKeyForm(WagtailAdminModelForm):
    scopes = forms.MultipleChoiceField(
        label=_("Cakupan"),
        choices=APIKeyScope.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[APIKeyScope.READ.value],
        help_text=_(
            "Baca: konten publik. Pratinjau: draf konten OPD kunci ini (untuk "
            "pratinjau di situs OPD)."
        ),
    )
    allowed_origins = OriginListField(
        label=_("Origin yang diizinkan (CORS)"),
        required=False,
        help_text=_(
            "Satu per baris, mis. https://dinkes.bantenprov.go.id. Halaman web dari "
            "origin lain tidak dapat memakai kunci ini. Kosongkan untuk kunci yang "
            "hanya dipakai dari server."
        ),
    )
