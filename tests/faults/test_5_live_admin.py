"""The live admin's two-browser scenario (tests/live/scenario.py) on the production
setup: gunicorn with two uvicorn workers serving the production settings, Redis
for the event log, so an event made in one worker reaches tabs held by the other."""

from tests.live import scenario


def test_two_browsers_on_the_production_setup(healthy):
    site = scenario.prepare(healthy.env)
    scenario.run_in_chromium(
        healthy.base_url, healthy.ports["WEB"], site, shots="production"
    )
