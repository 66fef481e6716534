"""Registering a request (UU 14/2008 art. 22(4): a number at once): every door
(portal, API, admin, the complaints hand-over) ends in ``register``."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from cms.core.secret_links import new_token

from . import clock, notify
from .access import role_of
from .models import (
    Action,
    ActorRole,
    IdentityDocument,
    InformationRequest,
    RequesterKind,
    Source,
)
from .rules import (
    addressed_opd_of,
    identity_document_clean,
    normalise_identity,
    request_errors,
)
from .steps import decision_due, log, next_register_number
from .timeline import system

FIELDS = (
    "requester_kind",
    "requester_name",
    "identity_number",
    "email",
    "phone",
    "address",
    "information_requested",
    "purpose",
    "obtain_method",
    "delivery_method",
)


def _clean(data: dict) -> dict:
    # Every field is text; rules.request_errors has checked the choices.
    values = {name: str(data.get(name) or "").strip() for name in FIELDS}
    values["identity_number"] = normalise_identity(
        values["requester_kind"], values["identity_number"]
    )
    return values


def register(
    *, values: dict, addressed_opd, source: str, user=None, note="", role=None
):
    """Create the request with its number, deadline and first timeline entries;
    the caller holds the transaction. Returns (request, token)."""
    filed_at = clock.now()
    filed_on = clock.today()
    token, token_hash = new_token()
    request = InformationRequest.objects.create(
        **values,
        register_number=next_register_number(filed_on.year),
        year=filed_on.year,
        access_token_hash=token_hash,
        addressed_opd=addressed_opd,
        # Filed straight to an OPD's PPID Pelaksana: that OPD answers it.
        assigned_opd=addressed_opd,
        source=source,
        filed_at=filed_at,
        filed_on=filed_on,
        due_on=decision_due(filed_on),
    )
    log(
        request,
        Action.SUBMITTED,
        system("submitted", number=request.register_number),
        user=user,
        role=role
        or (
            ActorRole.PEMOHON
            if user is None
            else role_of(user, getattr(addressed_opd, "pk", None))
        ),
    )
    if note:
        log(
            request,
            Action.SUBMITTED,
            note,
            user=user,
            role=ActorRole.SISTEM,
            public=False,
        )
    notify.to_requester(request, "receipt", requester_url=notify.requester_url(token))
    return request, token


@transaction.atomic
def request_submit(*, data: dict, identity_upload=None, source, user=None):
    """Register a request; returns (request, token). The token (the requester's
    secret link) exists only here: show it once, only its hash is kept."""
    if source not in Source.values:
        raise ValueError(f"unknown source {source!r}")
    errors = request_errors(data, identity_upload)
    if errors:
        raise ValidationError(errors)
    values = _clean(data)
    document = None
    if values["requester_kind"] == RequesterKind.BADAN_HUKUM:
        document = identity_document_clean(
            identity_upload or data.get("identity_upload")
        )
    request, token = register(
        values=values,
        addressed_opd=addressed_opd_of(data.get("addressed_opd")),
        source=source,
        user=user,
    )
    if document is not None:
        stored = IdentityDocument(
            request=request,
            name=document.name,
            content_type=document.content_type,
            size=document.size,
            sha256=document.sha256,
        )
        stored.file.save(document.name, ContentFile(document.data), save=False)
        stored.save()
    return request, token
