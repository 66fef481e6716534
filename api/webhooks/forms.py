"""Admin forms of webhook endpoints; the OPD choice is limited to the user's OPDs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DeliveryStatus, Event, WebhookEndpoint
from .selectors import manageable_opds


class EndpointForm(forms.ModelForm):
    url = forms.URLField(
        label=_("URL penerima"),
        max_length=500,
        assume_scheme="https",
        help_text=WebhookEndpoint._meta.get_field("url").help_text,
    )
    event_types = forms.MultipleChoiceField(
        label=_("Jenis peristiwa"),
        choices=Event.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Peristiwa yang dikirim ke URL ini."),
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["opd", "name", "url", "event_types", "active"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Another OPD's id posted by hand is refused as an invalid choice.
        self.fields["opd"].queryset = manageable_opds(user).order_by("title")
        if not self.instance.pk:
            self.initial.setdefault("event_types", [e.value for e in Event])


class DeliveryFilterForm(forms.Form):
    endpoint = forms.ModelChoiceField(
        label=_("Endpoint"), queryset=WebhookEndpoint.objects.none(), required=False
    )
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, endpoints, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["endpoint"].queryset = endpoints
        self.fields["status"].choices = [("", _("Semua")), *DeliveryStatus.choices]
