"""Rows of the admin operations panel (cms/core/operations.py) for webhooks to
OPD sites: the same counts as the readiness check (``health.webhooks``), plus the
endpoints switched off (their deliveries wait until switched on again)."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from cms.core.operations import ERROR, OK, WARNING, Fact, facts_provider

from .health import webhooks
from .models import DeliveryStatus, WebhookEndpoint
from .selectors import can_manage_webhooks


@facts_provider(_("Webhook situs OPD"))
def webhook_facts(request) -> list[Fact]:
    # The province team sees the counts; only who manages webhooks gets the links.
    links = can_manage_webhooks(request.user)

    def deliveries(status):
        query = urlencode({"status": status})
        return f"{reverse('api_webhooks:deliveries')}?{query}" if links else ""

    counts = webhooks().details
    failing, abandoned = counts["failing"], counts["abandoned_24h"]
    inactive = WebhookEndpoint.objects.filter(active=False).count()
    return [
        Fact(
            _("Kiriman webhook gagal, menunggu percobaan ulang"),
            str(failing),
            WARNING if failing else OK,
            deliveries(DeliveryStatus.FAILED),
            _("%(count)d endpoint gagal beruntun")
            % {"count": counts["failing_endpoints"]}
            if counts["failing_endpoints"]
            else "",
        ),
        Fact(
            _("Kiriman webhook dihentikan (24 jam terakhir)"),
            str(abandoned),
            ERROR if abandoned else OK,
            deliveries(DeliveryStatus.ABANDONED),
            _("Dihentikan setelah semua percobaan gagal; dapat dikirim ulang.")
            if abandoned
            else "",
        ),
        Fact(
            _("Endpoint webhook nonaktif"),
            str(inactive),
            OK,
            reverse("api_webhooks:index") if links else "",
            _("Kiriman untuknya ditahan sampai diaktifkan lagi.") if inactive else "",
        ),
    ]
