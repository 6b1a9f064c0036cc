"""Playwright over Debian's Chromium for the browser tests: one browser per session, a fresh
context per test that refuses any request leaving this server (the UI must work offline) and
fails the test on a JavaScript error, and screenshots into ``artifacts/screenshots/``."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Route, ViewportSize, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# as root in a closed network: no sandbox, and no background calls home that the network refuses
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}

needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Debian's chromium is not installed; `make test` installs it (apt-get install chromium)")


@contextmanager
def launch() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_page(browser: Browser, base_url: str, *, phone: bool = False, ignore: str | None = None) -> Iterator[Page]:
    """A page of a fresh context; on leaving, no request may have left ``base_url`` and no
    script may have failed (a CSP violation or a missing file is a console error) — except
    console errors matching ``ignore``."""
    context = browser.new_context(base_url=base_url, viewport=PHONE if phone else DESKTOP,
                                  is_mobile=phone, has_touch=phone, accept_downloads=True,
                                  device_scale_factor=2 if phone else 1)
    outside: list[str] = []

    def refuse(route: Route) -> None:
        outside.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(?!" + re.escape(base_url) + r"/).*"), refuse)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if _is_error(msg, ignore) else None)
    try:
        yield page
    finally:
        context.close()
    assert not outside, f"the page asked for something outside this server: {outside}"
    assert not errors, f"errors in the browser console: {errors}"


def _is_error(message: ConsoleMessage, ignore: str | None) -> bool:
    return message.type == "error" and not (ignore and re.search(ignore, message.text))


def screenshot(page: Page, name: str) -> Path:
    """A full-page screenshot for review, ``artifacts/screenshots/<name>.png``."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
