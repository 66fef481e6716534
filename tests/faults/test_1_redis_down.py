"""Redis stopped for real (a restart loses its data, as `save ""` is configured):
every public page, API read, feed and the admin still answer, publishing works, and
afterwards caching resumes and what was published meanwhile reaches search."""

import uuid

import pytest
import requests

from .harness import wait_until

pytestmark = [pytest.mark.faults, pytest.mark.worker]


def public_paths(faults, item_url: str, marker: str) -> list[str]:
    return [
        "/",
        faults.site["opd_url"],
        item_url,
        "/api/v1/content/",
        "/api/v1/dip/",
        "/api/v1/opd/",
        "/feed/rss.xml",
        "/sitemap.xml",
        f"/cari/?q={marker}",
        f"/api/v1/search/?q={marker}",
    ]


def statuses(faults, paths, session=None) -> dict[str, int]:
    get = (session or requests).get
    return {path: get(faults.base_url + path, timeout=15).status_code for path in paths}


def test_redis_down_site_answers_and_catches_up(healthy):
    faults = healthy
    marker = f"redis{uuid.uuid4().hex[:8]}"
    item = faults.ops.call("publish", marker=marker)[0]
    paths = public_paths(faults, item["url"], marker)
    assert set(statuses(faults, paths).values()) == {200}  # baseline
    faults.stop_service("redis")
    try:
        with pytest.raises(Exception):  # the outage is real
            faults.cache_keys()
        down = statuses(faults, paths)
        assert down == dict.fromkeys(paths, 200)

        admin = faults.login()
        admin_down = statuses(faults, ["/admin/", "/admin/pages/"], admin)
        assert admin_down == {"/admin/": 200, "/admin/pages/": 200}

        late = faults.ops.call("publish", marker=f"{marker}late")[0]
        page = requests.get(faults.base_url + late["url"], timeout=15)
        assert page.status_code == 200
        assert f"{marker}late" in page.text
    finally:
        faults.start_service("redis")

    def cached():
        for path in paths[:4]:
            requests.get(faults.base_url + path, timeout=15)
        return faults.cache_keys() > 0

    wait_until(cached, 60, step=1, what="caching to resume")
    # Published while the broker was gone: the outbox sweep still delivers it.
    wait_until(
        lambda: faults.searchable(f"{marker}late") == 1,
        120,
        step=1,
        what="the item published during the outage to be searchable",
    )
    assert statuses(faults, paths) == dict.fromkeys(paths, 200)
