"""The web app in a real browser: headless Chromium, driven over the DevTools protocol
(``cdp.py``), clicks a month of the dyad chart and sees that month's events.

The pages' contract: the dyad page ``/dyad/{A}/{B}`` has an ``<h1>`` naming both parties and, in
its chart, one SVG ``<a class="month" data-month="YYYY-MM">`` per month linking to
``/events?dyad=A,B&since=YYYY-MM&until=YYYY-MM``; the events page lists ``<tr class="event">``
rows, each with ``data-date`` (an ISO date, or empty), in ``<table id="events">``.

Chromium missing is a failure (CI installs it), unless NEWSEVENTS_BROWSER_OPTIONAL=1 makes it a
skip. NEWSEVENTS_SCREENSHOTS=1 also writes the dyad page to docs/img/dyad-page.png, the README's
picture.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

import newsevents
from newsevents.config import SAMPLE_DIR

from .cdp import Chromium, Tab

ROOT = Path(__file__).resolve().parents[2]
README_SCREENSHOT = ROOT / "docs" / "img" / "dyad-page.png"
OPTIONAL_BROWSER = "NEWSEVENTS_BROWSER_OPTIONAL"  # set to 1 to skip, not fail, without chromium
SCREENSHOTS = "NEWSEVENTS_SCREENSHOTS"            # set to write the README's screenshot
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
WINDOW = (1200, 900)


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """``app`` served by uvicorn in a background thread on a free port; yields its base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start (see the captured log)", pytrace=False)
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = shutil.which("chromium")
    if path is None:
        message = (f"chromium not found on PATH: the browser test cannot run. Install it "
                   f"(apt-get install chromium; .ci/run does) or set {OPTIONAL_BROWSER}=1 to "
                   "skip the browser tests.")
        if os.environ.get(OPTIONAL_BROWSER) == "1":
            pytest.skip(f"chromium not found on PATH ({OPTIONAL_BROWSER}=1)")
        pytest.fail(message, pytrace=False)
    return path


@pytest.fixture(scope="session")
def browser(chromium_executable: str, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[Chromium]:
    """One headless Chromium for the session, ended however the tests end."""
    chromium = Chromium(chromium_executable, tmp_path_factory.mktemp("chromium-profile"),
                        size=WINDOW)
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture()
def tab(browser: Chromium) -> Iterator[Tab]:
    page = browser.new_tab()
    yield page
    page.close()


def save_screenshot(tab: Tab, path: Path) -> bytes:
    png = tab.screenshot()
    assert png.startswith(PNG_SIGNATURE) and len(png) > 1000, "the screenshot is no PNG image"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)
    return png


def click_month(tab: Tab, month: str) -> tuple[dict[str, list[str]], list[str]]:
    """Click the chart's month like a user; the query of the page it leads to and the
    ``data-date`` of each event row there."""
    tab.click_and_wait_for_load(f'a.month[data-month="{month}"]')
    query = parse_qs(urlsplit(tab.url).query)
    dates = tab.evaluate('[...document.querySelectorAll("table#events tr.event")]'
                         '.map(row => row.dataset.date ?? "")')
    return query, dates


def tiny_app() -> FastAPI:
    """Two pages that follow the contract, to prove the harness without the model."""
    events = {"2011-03": ["2011-03-18", "2011-03-21"], "2011-07": ["2011-07-13"]}
    app = FastAPI()

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse)
    def dyad(a: str, b: str) -> str:
        bars = "".join(
            f'<a class="month" data-month="{month}" '
            f'href="/events?dyad={a},{b}&amp;since={month}&amp;until={month}">'
            f'<rect x="{40 + 60 * i}" y="20" width="40" height="80"/></a>'
            for i, month in enumerate(events))
        return f'<!doctype html><h1>{a} and {b}</h1><svg width="400" height="120">{bars}</svg>'

    @app.get("/events", response_class=HTMLResponse)
    def listing(dyad: str, since: str, until: str) -> str:
        rows = "".join(f'<tr class="event" data-date="{date}"><td>{date}</td></tr>'
                       for date in events.get(since, []))
        return f'<!doctype html><table id="events">{rows}</table>'

    return app


def test_cdp_harness_clicks_a_link(tab: Tab, tmp_path: Path):
    with serving(tiny_app()) as base:
        tab.navigate(f"{base}/dyad/RUS/LBY")
        assert tab.evaluate('document.querySelector("h1").textContent') == "RUS and LBY"
        save_screenshot(tab, tmp_path / "tiny-dyad.png")
        query, dates = click_month(tab, "2011-07")
    assert query == {"dyad": ["RUS,LBY"], "since": ["2011-07"], "until": ["2011-07"]}
    assert dates == ["2011-07-13"]


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus coded into a database, once per session."""
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    with newsevents.open(path, create=True) as db:
        db.run([SAMPLE_DIR])
    return path


@pytest.fixture(scope="session")
def sample_site(sample_db: Path) -> Iterator[str]:
    from newsevents.web.app import create_app  # here, so the harness test runs without it
    with serving(create_app(sample_db)) as base:
        yield base


def dated_events(db_path: Path, month: str | None = None) -> list[str]:
    """The ISO dates of the Russia–Libya events the library gives (in ``month``)."""
    period = {"since": month, "until": month} if month else {}
    with newsevents.open(db_path) as db:
        return sorted(e.date.iso() for e in db.events(dyad="RUS,LBY", **period) if e.date)


@pytest.mark.model
def test_dyad_page_month_click_shows_that_months_events(tab: Tab, sample_site: str,
                                                        sample_db: Path, tmp_path: Path):
    tab.navigate(f"{sample_site}/dyad/RUS/LBY")
    heading = tab.evaluate('document.querySelector("h1")?.textContent ?? ""')
    assert "Russia" in heading and "Libya" in heading, f"the dyad page's h1 reads {heading!r}"
    png = save_screenshot(tab, tmp_path / "dyad-page.png")
    if os.environ.get(SCREENSHOTS):
        README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        README_SCREENSHOT.write_bytes(png)

    months = tab.evaluate('[...document.querySelectorAll("a.month")].map(a => a.dataset.month)')
    with_events = {date[:7] for date in dated_events(sample_db) if len(date) >= 7}
    month = next((m for m in months if m in with_events), None)
    assert month, f"no month of the chart has events: {months}"
    query, dates = click_month(tab, month)
    save_screenshot(tab, tmp_path / "events-page.png")

    assert query.get("since") == [month] and query.get("until") == [month], query
    assert dates, f"the events page of {month} lists no event"
    assert all(date.startswith(month) for date in dates), dates
    assert sorted(dates) == dated_events(sample_db, month), "not the library's events"
