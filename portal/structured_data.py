"""schema.org data (JSON-LD) for portal pages: search engines and chat apps read it
to show the right title, date, publisher and image."""

from django.utils import timezone

from cms.core.public_urls import page_public_url, public_url

PROVINCE_NAME = "Pemerintah Provinsi Banten"


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


def province_organization(request) -> dict:
    url = public_url("/")
    return {
        "@type": "GovernmentOrganization",
        "@id": url + "#organisasi",
        "name": PROVINCE_NAME,
        "url": url,
        "address": {
            "@type": "PostalAddress",
            "addressRegion": "Banten",
            "addressCountry": "ID",
        },
    }


def opd_organization(request, opd) -> dict:
    url = page_public_url(opd, request)
    data = {
        "@type": "GovernmentOrganization",
        "@id": url + "#organisasi",
        "name": opd.title,
        "alternateName": opd.short_name,
        "url": url,
        "parentOrganization": {"@id": public_url("/") + "#organisasi"},
    }
    if opd.address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": opd.address,
            "addressRegion": "Banten",
            "addressCountry": "ID",
        }
    if opd.phone:
        data["telephone"] = opd.phone
    if opd.email:
        data["email"] = opd.email
    if opd.website:
        data["sameAs"] = [opd.website]
    return data


def news_article(request, item, image_url="") -> dict:
    url = page_public_url(item, request)
    data = {
        "@type": "NewsArticle",
        "@id": url,
        "mainEntityOfPage": url,
        "headline": item.title[:110],
        "datePublished": _iso(item.publish_date),
        "dateModified": _iso(item.last_published_at or item.publish_date),
        "inLanguage": "id",
        "publisher": opd_organization(request, item.opd) if item.opd else None,
        "author": {"@type": "GovernmentOrganization", "name": item.opd.title}
        if item.opd
        else None,
    }
    if item.summary:
        data["description"] = item.summary
    if image_url:
        data["image"] = [public_url(image_url)]
    return {"@context": "https://schema.org", **_drop_empty(data)}


def with_context(data: dict) -> dict:
    return {"@context": "https://schema.org", **data}


def _drop_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def website(request) -> dict:
    """The portal as a WebSite whose search engines may link straight into /cari/."""
    root = public_url("/")
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": PROVINCE_NAME,
        "url": root,
        "inLanguage": "id",
        "publisher": {"@id": root + "#organisasi"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": root + "cari/?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }
