"""The live admin's two-browser scenario (tests/live/scenario.py) on the production
setup: gunicorn with two uvicorn workers serving the production settings, Redis
for the event log, so an event made in one worker reaches tabs held by the other."""

import json
import subprocess
import sys

from playwright.sync_api import sync_playwright

from tests.browser.conftest import SCREENSHOTS, chromium_path
from tests.live import scenario
from tests.live.proxy import Relay

from .harness import ROOT


def test_two_browsers_on_the_production_setup(healthy):
    prepared = subprocess.run(
        [sys.executable, "-m", "tests.live.prepare_site"],
        cwd=ROOT,
        env=healthy.env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert prepared.returncode == 0, prepared.stderr[-3000:]
    site = json.loads(prepared.stdout.strip().splitlines()[-1])
    relay = Relay(healthy.ports["WEB"])
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path())
            try:
                scenario.run(
                    browser,
                    healthy.base_url,
                    site,
                    editor_base=f"http://127.0.0.1:{relay.port}",
                    relay=relay,
                    shots=SCREENSHOTS / "live" / "production",
                )
            finally:
                browser.close()
    finally:
        relay.close()
