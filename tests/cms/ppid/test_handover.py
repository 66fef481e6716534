"""A complaint that asks for information, handed over to the PPID by the
complaints verification team: registered as a request, the complaint closed
with a public entry naming the register number; anonymous reports refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cms.complaints.models import Status as ReportStatus
from cms.notifications.models import OutgoingEmail
from cms.ppid import services
from cms.ppid.models import InformationRequest, Source
from tests.factories.complaints import add_report, verifier

pytestmark = pytest.mark.django_db


def test_an_information_complaint_becomes_a_request(opds, people):
    report = add_report(
        kind="informasi",
        title="Data penerima beasiswa 2026",
        description="Mohon daftar penerima beasiswa daerah tahun 2026 per kabupaten.",
    )
    request = services.request_from_report(report=report, user=verifier())
    assert request.source == Source.ADUAN
    assert request.requester_name == report.reporter_name
    assert request.email == report.reporter_email
    assert "penerima beasiswa daerah" in request.information_requested
    assert request.identity_number == ""  # completed later by the PPID
    internal = request.timeline.filter(public=False).values_list("message", flat=True)
    assert any("NIK pemohon belum tercatat" in text for text in internal)
    receipt = OutgoingEmail.objects.get(kind="ppid_receipt")
    assert receipt.to == report.reporter_email

    report.refresh_from_db()
    assert report.status == ReportStatus.BUKAN_KEWENANGAN
    public = report.timeline.filter(public=True).order_by("-at", "-pk").first()
    assert request.register_number in public.message
    assert "PPID" in public.message
    assert request.register_number in report.referral


def test_an_anonymous_report_is_refused_with_the_portal_address(opds):
    report = add_report(kind="informasi", privacy="anonim")
    with pytest.raises(ValidationError) as error:
        services.request_from_report(report=report, user=verifier())
    assert "/ppid/permohonan/" in error.value.messages[0]
    assert not InformationRequest.objects.exists()
    report.refresh_from_db()
    assert report.status == ReportStatus.BARU


def test_only_the_verification_team_and_only_before_disposition(opds, people):
    report = add_report(kind="informasi")
    with pytest.raises(PermissionDenied):
        services.request_from_report(report=report, user=people["utama"])
    disposed = add_report(kind="informasi", opds=[opds["dinkes"]])
    with pytest.raises(ValidationError):
        services.request_from_report(report=disposed, user=verifier())
    assert not InformationRequest.objects.exists()


def test_the_complaints_admin_offers_the_hand_over_on_information_reports(client, opds):
    from django.contrib.messages import get_messages
    from django.urls import reverse

    team = verifier()
    client.force_login(team)
    asking = add_report(kind="informasi", title="Salinan data stunting 2026")
    complaint = add_report(kind="pengaduan")

    def detail(report):
        url = reverse("complaints_admin:detail", args=[report.pk])
        return client.get(url).content.decode()

    assert "Alihkan ke PPID" in detail(asking)
    assert "Alihkan ke PPID" not in detail(complaint)
    url = reverse("complaints_admin:action", args=[complaint.pk, "alihkan-ppid"])
    assert client.post(url).status_code == 404  # only for information requests

    url = reverse("complaints_admin:action", args=[asking.pk, "alihkan-ppid"])
    response = client.post(url)
    assert response.status_code == 302
    request = InformationRequest.objects.get(source=Source.ADUAN)
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert any(request.register_number in text for text in said), said
    asking.refresh_from_db()
    assert asking.status == ReportStatus.BUKAN_KEWENANGAN

    anonymous = add_report(kind="informasi", privacy="anonim")
    url = reverse("complaints_admin:action", args=[anonymous.pk, "alihkan-ppid"])
    response = client.post(url)
    assert response.status_code == 400  # refused, explained, nothing lost
    assert "/ppid/permohonan/" in response.content.decode()
    anonymous.refresh_from_db()
    assert anonymous.status == ReportStatus.BARU
