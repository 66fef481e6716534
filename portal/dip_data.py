"""schema.org data of DIP pages: a DIP entry is a ``Dataset`` (with its downloads),
an OPD's or the province's DIP a ``DataCatalog`` of them. Exempted entries are never
described: the law makes only the fact of their exemption public."""

from django.utils import timezone

from cms.core.public_urls import page_public_url, public_url
from cms.core.visibility import is_withheld
from portal import structured_data

CATALOG_SIZE = 100  # search engines need no more than the page shows


def dip_dataset(request, entry, documents) -> dict | None:
    if is_withheld(entry):
        return None
    url = page_public_url(entry, request)
    publisher = _publisher(request, entry.opd)
    data = {
        "@type": "Dataset",
        "@id": url,
        "url": url,
        "name": entry.title,
        "description": entry.ringkasan or entry.title,
        "inLanguage": "id",
        "isAccessibleForFree": True,
        "creator": publisher,
        "publisher": publisher,
        "temporalCoverage": str(entry.tahun) if entry.tahun else None,
        "dateModified": _iso(entry.last_published_at),
        "identifier": entry.nomor or None,
        "distribution": [_download(request, document) for document in documents],
    }
    return structured_data.with_context(_drop_empty(data))


def dip_catalog(request, listing, opd=None) -> dict:
    entries = [
        entry
        for group in listing.groups  # (kategori, heading, entries)
        for entry in group[2]
        if not is_withheld(entry)
    ][:CATALOG_SIZE]
    data = {
        "@type": "DataCatalog",
        "url": public_url(request.path),
        "name": (
            f"Daftar Informasi Publik {opd.title}"
            if opd
            else f"Daftar Informasi Publik {structured_data.PROVINCE_NAME}"
        ),
        "inLanguage": "id",
        "publisher": _publisher(request, opd),
        "dataset": [
            {
                "@type": "Dataset",
                "name": entry.title,
                "url": page_public_url(entry, request),
                "description": entry.ringkasan or entry.title,
            }
            for entry in entries
        ],
    }
    return structured_data.with_context(_drop_empty(data))


def _publisher(request, opd) -> dict:
    if opd is None:
        return structured_data.province_organization(request)
    return {
        "@type": "GovernmentOrganization",
        "name": opd.title,
        "url": page_public_url(opd, request),
    }


def _download(request, document) -> dict:
    size = document.get_file_size()  # read once from storage, then stored
    data = {
        "@type": "DataDownload",
        "name": document.title,
        "contentUrl": public_url(document.url),
        "encodingFormat": document.content_type or None,
        "contentSize": f"{size} B" if size else None,
    }
    return _drop_empty(data)


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


def _drop_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}
