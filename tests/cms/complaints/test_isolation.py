"""A liaison of one OPD never sees another OPD's reports; re-disposition takes a
report away from the OPD that lost it."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from cms.complaints import services
from cms.complaints.access import VERIFIER_GROUP
from cms.complaints.selectors import (
    opd_queue,
    reports_for,
    verification_queue,
)
from tests.factories import UserFactory
from tests.factories.complaints import add_report, liaison_of, verifier

pytestmark = pytest.mark.django_db


def test_each_liaison_sees_only_reports_disposed_to_their_opd(opds):
    dinkes, bpbd = opds["dinkes"], opds["bpbd"]
    team = verifier()
    health = add_report(opds=[dinkes], by=team)
    disaster = add_report(opds=[bpbd], by=team)
    both = add_report(opds=[dinkes, bpbd], by=team)
    waiting = add_report()

    assert set(reports_for(liaison_of(dinkes))) == {health, both}
    assert set(reports_for(liaison_of(bpbd))) == {disaster, both}
    assert set(reports_for(team)) == {health, disaster, both, waiting}
    assert set(reports_for(UserFactory(superuser=True))) == set(reports_for(team))
    assert not reports_for(UserFactory()).exists()
    assert not reports_for(UserFactory(opd=dinkes, role="editor")).exists()
    assert list(opd_queue(dinkes)) == [health, both]
    assert list(verification_queue()) == [waiting]


def test_redisposition_moves_access(opds):
    dinkes, bpbd = opds["dinkes"], opds["bpbd"]
    team, nakes, bencana = verifier(), liaison_of(dinkes), liaison_of(bpbd)
    report = add_report(opds=[dinkes], by=team)
    assert report in reports_for(nakes)

    services.dispose(report, team, [bpbd], "Salah alamat, ini urusan BPBD.")
    assert report not in reports_for(nakes)
    assert report in reports_for(bencana)
    assert report not in opd_queue(dinkes)
    with pytest.raises(PermissionDenied):
        services.respond(report, nakes, dinkes, "Kami tangani.")
    services.respond(report, bencana, bpbd, "Kami tangani.")


def test_a_liaison_cannot_answer_for_another_opd(opds):
    dinkes, bpbd = opds["dinkes"], opds["bpbd"]
    report = add_report(opds=[dinkes, bpbd])
    with pytest.raises(PermissionDenied):
        services.respond(report, liaison_of(dinkes), bpbd, "Atas nama BPBD.")
    with pytest.raises(PermissionDenied):
        services.resolve(add_report(opds=[bpbd]), liaison_of(dinkes), "Selesai.")


def test_inactive_users_see_nothing(opds):
    nakes = liaison_of(opds["dinkes"])
    add_report(opds=[opds["dinkes"]])
    nakes.is_active = False
    nakes.save()
    assert not reports_for(nakes).exists()


def test_groups_exist_for_every_opd_and_new_ones(opds, home):
    from cms.opd.models import OPDPage

    assert Group.objects.filter(name=VERIFIER_GROUP).exists()
    for slug in opds:
        group = Group.objects.get(name=f"{slug}: Penghubung Aduan")
        assert group.permissions.filter(codename="access_admin").exists()
    home.add_child(
        instance=OPDPage(
            title="Dinas Baru", slug="dinbaru", short_name="DB", kind="dinas"
        )
    )
    assert Group.objects.filter(name="dinbaru: Penghubung Aduan").exists()
