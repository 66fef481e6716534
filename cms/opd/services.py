"""Operations that change the OPD part of the tree."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import transaction
from wagtail.models import Page, Site

from cms.core.ownership import OPDOwnedMixin
from cms.core.public_urls import public_host_port
from cms.dip.models import DIPIndexPage

from .access import opd_access_ensure, province_access_ensure
from .models import OPDPage, ProvinceHomePage

REFERENCE_FILE = Path(__file__).parent / "data" / "opds.json"


@transaction.atomic
def province_home_ensure() -> ProvinceHomePage:
    """Return the portal root; create it and point the default site at it once."""
    home = ProvinceHomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=ProvinceHomePage(
                title="Pemerintah Provinsi Banten",
                slug="beranda",
                intro="Satu pintu informasi publik Pemerintah Provinsi Banten.",
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    hostname, port = public_host_port()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Sipanganten",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Sipanganten"
        site.save()
        # Wagtail's placeholder "Welcome" page has no place in our tree.
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        # Wagtail's own absolute links (the admin's "live" link) name the same origin.
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    province_access_ensure(home)  # idempotent repair; creation also runs it (signals)
    return home


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@transaction.atomic
def opds_load_reference(*, path: Path = REFERENCE_FILE) -> LoadReport:
    """Create or update the OPD pages from the reference file, matched by slug."""
    rows = json.loads(Path(path).read_text(encoding="utf-8"))["opds"]
    home = province_home_ensure()
    report = LoadReport()
    existing = {p.slug: p for p in OPDPage.objects.child_of(home)}
    for row in rows:
        fields = {
            "title": row["name"],
            "short_name": row["short_name"],
            "kind": row["kind"],
        }
        page = existing.get(row["slug"])
        if page is None:
            # Creating the page sets up its groups, workflow and DIP (signals.py).
            home.add_child(instance=OPDPage(slug=row["slug"], **fields))
            report.created += 1
            continue
        opd_setup(page)  # repairs anything missing; a no-op when complete
        if any(getattr(page, k) != v for k, v in fields.items()):
            for key, value in fields.items():
                setattr(page, key, value)
            page.draft_title = page.title
            page.save_revision().publish()
            report.updated += 1
        else:
            report.unchanged += 1
    return report


@transaction.atomic
def opd_setup(opd: OPDPage) -> None:
    """Everything a new OPD needs: access control, workflow and its DIP section."""
    opd_access_ensure(opd)
    if not DIPIndexPage.objects.child_of(opd).exists():
        opd.add_child(
            instance=DIPIndexPage(
                title=f"Daftar Informasi Publik {opd.short_name}", slug="dip"
            )
        )


def opd_owner_refresh(page) -> None:
    """After a move, point the moved page and its descendants at their new OPD."""
    page = Page.objects.get(pk=page.pk)  # fresh tree path after the move
    opd = OPDPage.objects.ancestor_of(page, inclusive=True).first()
    for model in apps.get_models():
        if issubclass(model, OPDOwnedMixin):
            model.objects.filter(path__startswith=page.path).update(opd=opd)
