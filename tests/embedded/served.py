"""A site served as ``make run`` serves it: the Makefile's ``setup`` commands on
the embedded default (SQLite, eager Celery, database search, local media) in a
folder of the test's, then uvicorn on a free loopback port with the public origin
set to it, as the ``run`` target exports it. And what the officers do in the
admin with a browser: sign in, the sidebar's menus, a report's or request's
action forms."""

import re
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS

from .child import embedded_env, free_port, run_python, served

PASSWORD = "Uji-Selesai-2026!"
TIMEOUT_MS = 20_000  # a busy machine

# The Makefile's ``setup`` target, in its order (``migrate`` first).
SETUP = (
    ("migrate", "--noinput", "-v0"),
    ("load_opds",),
    ("load_complaint_categories",),
    ("load_search_vocabulary",),
    ("load_holidays",),
    ("ensure_admin",),
    ("load_demo_content",),
)


def shell(env: dict, code: str) -> str:
    """``manage.py shell -c code`` in the site's environment, as an operator would."""
    return run_python(env, "manage.py", "shell", "-c", code, timeout=300)


@contextmanager
def make_run(folder: Path):
    """Yields ``(base_url, env)`` of the served site; stops the server after."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **embedded_env(folder),
        "PYTHONUNBUFFERED": "1",
        "PORTAL_BASE_URL": base,
        "WAGTAILADMIN_BASE_URL": base,
    }
    for command in SETUP:
        run_python(env, "manage.py", *command)
    with served(env, folder, port):
        yield base, env


# The operator's step (``shell``): officers, in the groups cms/complaints and
# cms/ppid define.
PEOPLE = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
people = [
    ("tim.verifikasi", "Rina", "Verifikator", "Provinsi: Tim Verifikasi Aduan"),
    ("dinkes.penghubung", "Dedi", "Dinkes", "dinkes: Penghubung Aduan"),
    ("ppid.utama", "Putri", "Utama", "Provinsi: PPID Utama"),
    ("dinkes.ppid", "Bayu", "Dinkes", "dinkes: PPID Pelaksana"),
]
for username, first, last, group in people:
    user = get_user_model().objects.create_user(
        username, username + "@example.org", {PASSWORD!r},
        first_name=first, last_name=last,
    )
    user.groups.add(Group.objects.get(name=group))
print("ok")
"""


# --- people in the browser -----------------------------------------------------------


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"done-{name}.png", full_page=True)


def sign_in(page, username: str) -> None:
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def menu(page, section: str, item: str) -> None:
    """Goes to ``item`` of the admin sidebar's ``section`` menu (a queue's label
    may end with its count of waiting items, e.g. "Masuk (1)")."""
    sidebar = page.locator("#wagtail-sidebar")
    sidebar.get_by_role("button", name=section).click()
    name = re.compile(rf"^{re.escape(item)}( \(\d+\))?$")
    sidebar.get_by_role("link", name=name).click()


def opened(page, slug: str):
    """The action ``slug`` of an admin detail page, its <details> opened."""
    box = page.locator(f"#aksi-{slug}")
    if box.get_attribute("open") is None:
        box.locator("summary").click()
    return box


def act(page, slug: str, fill: dict, button: str, done: str) -> None:
    """Opens an action of the admin's detail page (a <details>), fills it by
    labels, submits and expects the success message."""
    box = opened(page, slug)
    for label, value in fill.items():
        # A required field's name ends with Wagtail's "*": by its start.
        name = re.compile(rf"^{re.escape(label)}")
        box.get_by_role("textbox", name=name).fill(value)
    box.get_by_role("button", name=button, exact=True).click()
    expect(page.get_by_text(done)).to_be_visible()
