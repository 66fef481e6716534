"""Answer documents: stored privately, delivered by a signed expiring link, and
(once granted) promoted into the OPD's DIP as a draft entry in one step."""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms.dip.categories import Kategori
from cms.dip.models import DIPDocument, DIPEntryPage, DIPIndexPage

from . import clock, notify
from .access import role_of
from .models import Action, Decision, RequestDocument
from .steps import lock, log, require_handler
from .timeline import system

LINK_SALT = "cms.ppid.document-link"
DEFAULT_LINK_MAX_AGE = 14 * 24 * 3600
GRANTED = (Decision.DIBERIKAN_SELURUHNYA, Decision.DIBERIKAN_SEBAGIAN)
TITLE_MAX = 120


def _role(user, request):
    return role_of(user, request.assigned_opd_id or request.addressed_opd_id)


@transaction.atomic
def document_add(*, request, upload, user) -> RequestDocument:
    """Attach a validated upload (``cms.complaints.uploads.CleanUpload``). Added
    after the decision, the requester is sent its link at once."""
    require_handler(user, request)
    lock(request)
    document = RequestDocument(
        request=request,
        name=upload.name,
        content_type=upload.content_type,
        size=upload.size,
        sha256=upload.sha256,
        uploaded_by=user,
        uploaded_at=clock.now(),
    )
    document.file.save(upload.name, ContentFile(upload.data), save=False)
    document.save()
    log(
        request,
        Action.DOCUMENT_ADDED,
        system("document_added", name=document.name),
        user=user,
        role=_role(user, request),
    )
    if request.decision:
        link = notify.site_url(document_link(document))
        notify.to_requester(request, "document", links=[(document.name, link)])
    return document


def link_max_age() -> int:
    return int(getattr(settings, "PPID_LINK_MAX_AGE", DEFAULT_LINK_MAX_AGE))


def document_link(document) -> str:
    """The URL path of a signed link to ``document``, valid ``PPID_LINK_MAX_AGE``
    seconds; the signature binds the document's content hash too."""
    signed = signing.dumps(
        {"d": document.pk, "h": document.sha256[:16]}, salt=LINK_SALT
    )
    return f"/ppid/dokumen/{signed}/"


def document_from_link(signed, max_age=None) -> RequestDocument | None:
    """The document a signed link names, or None when forged, expired or gone."""
    try:
        value = signing.loads(
            str(signed),
            salt=LINK_SALT,
            max_age=link_max_age() if max_age is None else max_age,
        )
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(value, dict):
        return None
    document = RequestDocument.objects.filter(pk=value.get("d")).first()
    if document is None or document.sha256[:16] != value.get("h"):
        return None
    return document


def _dip_index(opd) -> DIPIndexPage:
    index = DIPIndexPage.objects.child_of(opd).first()
    if index is None:
        raise ValidationError(
            _("OPD ini belum memiliki halaman Daftar Informasi Publik.")
        )
    return index


@transaction.atomic
def document_promote(*, document, user) -> DIPEntryPage:
    """A DRAFT "tersedia setiap saat" DIP entry of the answering OPD, holding the
    document; the editor completes and publishes it through the usual workflow."""
    request = document.request
    require_handler(user, request)
    lock(request)
    if request.decision not in GRANTED:
        raise ValidationError(
            _(
                "Hanya dokumen dari permohonan yang diberikan yang dapat "
                "dimasukkan ke DIP."
            )
        )
    if document.dip_entry_id:
        raise ValidationError(_("Dokumen ini sudah dimasukkan ke DIP."))
    opd = request.assigned_opd or request.addressed_opd
    if opd is None:
        raise ValidationError(
            _("Teruskan permohonan ke OPD penguasa informasi dahulu.")
        )
    wagtail_document = get_document_model()(
        title=document.name,
        collection=opd.collection or Collection.get_first_root_node(),
        uploaded_by_user=user,
    )
    with document.file.open("rb") as stored:
        data = stored.read()
    wagtail_document.file.save(document.name, ContentFile(data), save=False)
    wagtail_document._set_document_file_metadata()
    wagtail_document.save()
    title = " ".join(request.information_requested.split())
    title = title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1] + "…"
    entry = DIPEntryPage(
        title=title,
        slug=slugify(f"{request.register_number}-{document.pk}"),
        kategori=Kategori.SETIAP_SAAT,
        ringkasan=request.information_requested,
        pejabat_penguasa=opd.ppid_name or opd.title,
        tahun=request.year,
        live=False,
        has_unpublished_changes=True,
        owner=user,
    )
    entry.documents = [DIPDocument(document=wagtail_document)]
    _dip_index(opd).add_child(instance=entry)  # runs the page's own validation
    entry.save_revision(user=user, log_action=True)
    document.dip_entry = entry
    document.save(update_fields=["dip_entry"])
    log(
        request,
        Action.DOCUMENT_PROMOTED,
        system("document_promoted", name=document.name, opd=opd.title),
        user=user,
        role=_role(user, request),
        public=False,
    )
    return entry
