"""The web interface's pages over HTTP (no browser): language, escaping, offline assets, strings."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from api.routes_ui import NODE_MODULES, VENDOR_FILES
from api.templating import STATIC_DIR, TEMPLATE_DIR, UiStrings

PAGES = ["/", "/search", "/browse", "/browse/companies", "/compare", "/charts", "/query",
         "/id/company/qulian", "/ontology"]
ATTACK = '<script>alert("x")</script>'


@pytest.mark.parametrize("path", PAGES)
def test_pages_are_chinese_by_default_and_load_nothing_from_elsewhere(server: str, path: str) -> None:
    r = httpx.get(server + path, headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<html lang="zh">' in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assets = re.findall(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"', r.text)
    assert assets and all((a.startswith("/") and not a.startswith("//")) or a.startswith("data:") for a in assets)


def test_language_by_parameter_then_by_cookie(server: str) -> None:
    with httpx.Client(base_url=server) as client:
        assert '<html lang="zh">' in client.get("/browse").text
        english = client.get("/browse", params={"lang": "en"})
        assert '<html lang="en">' in english.text and "Browse by class" in english.text
        assert "chainkg_lang=en" in english.headers["set-cookie"]
        assert '<html lang="en">' in client.get("/compare").text  # remembered
        assert '<html lang="zh">' in client.get("/compare", params={"lang": "zh"}).text
    assert '<html lang="zh">' in httpx.get(server + "/", params={"lang": "fr"}).text


@pytest.mark.parametrize("path", ["/", "/search", "/query"])
def test_text_echoed_into_a_page_is_escaped(server: str, path: str) -> None:
    html = httpx.get(server + path, params={"q": ATTACK}).text
    assert ATTACK not in html and "&lt;script&gt;" in html


def test_unknown_browse_key_and_vendor_files(server: str) -> None:
    assert httpx.get(server + "/browse/no-such-table").status_code == 200  # the page says so itself
    assert httpx.get(server + "/browse/<x>").status_code == 422
    for name, relative in VENDOR_FILES.items():
        r = httpx.get(f"{server}/vendor/{name}")
        assert r.status_code == (200 if (NODE_MODULES / relative).is_file() else 404), name
    assert httpx.get(server + "/vendor/codemirror/package.json").status_code == 404  # allowlist only
    assert httpx.get(server + "/vendor/../../pyproject.toml").status_code == 404


def _used_keys(paths: list[Path], pattern: str) -> set[str]:
    keys: set[str] = set()
    for path in paths:
        keys |= {k for k in re.findall(pattern, path.read_text(encoding="utf-8")) if not k.endswith(".")}
    return keys


def test_every_ui_string_exists_in_both_languages() -> None:
    strings = UiStrings.load()
    assert set(strings.strings["zh"]) == set(strings.strings["en"])
    used = _used_keys(sorted(TEMPLATE_DIR.glob("*.html")), r"""\bt(?:_other)?\(\s*["']([\w.]+)["']""")
    used |= _used_keys(sorted((STATIC_DIR / "js").glob("*.js")), r"""\bt\(\s*["`]([\w.]+)["`]""")
    assert used and used <= set(strings.strings["zh"]), used - set(strings.strings["zh"])
    assert strings.examples["zh"] and strings.examples["en"]
