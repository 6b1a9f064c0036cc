"""HTML pages in the visitor's language: the one Jinja2 environment (autoescaping), the UI strings
of ``api/static/i18n.json`` and the language choice — ``?lang=zh|en``, remembered in a cookie,
Chinese by default. Every page gets a strict Content-Security-Policy: scripts, styles and data
come from this server only, so a page can neither load a CDN nor run markup smuggled into data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

__all__ = ["COOKIE", "LANGUAGES", "STATIC_DIR", "Pages", "UiStrings", "page_language", "render"]

STATIC_DIR = Path(__file__).parent / "static"
TEMPLATE_DIR = Path(__file__).parent / "templates"
LANGUAGES = ("zh", "en")
COOKIE = "chainkg_lang"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; "
                               "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@dataclass(frozen=True, slots=True)
class UiStrings:
    """The interface's words in each language, and the example questions of the ask page."""

    strings: dict[str, dict[str, str]]
    examples: dict[str, list[str]]

    @classmethod
    def load(cls, path: Path = STATIC_DIR / "i18n.json") -> UiStrings:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls({lang: data[lang] for lang in LANGUAGES}, data["examples"])

    def text(self, lang: str, key: str, **values: object) -> str:
        """The string ``key`` in ``lang`` with ``{name}`` placeholders filled (the key if unknown)."""
        template = self.strings[lang].get(key, key)
        return template.format(**values) if values else template


def page_language(request: Request) -> str:
    """``?lang=`` when it names a language, else the remembered choice, else Chinese."""
    for candidate in (request.query_params.get("lang"), request.cookies.get(COOKIE)):
        if candidate in LANGUAGES:
            return candidate
    return LANGUAGES[0]


class Pages:
    """Renders templates with the language context every page shares."""

    def __init__(self, strings: UiStrings | None = None) -> None:
        self.strings = strings or UiStrings.load()
        self.templates = Jinja2Templates(directory=str(TEMPLATE_DIR))

    def render(self, request: Request, template: str, context: dict[str, Any] | None = None, *,
               active: str | None = None, status_code: int = 200,
               headers: dict[str, str] | None = None) -> Response:
        lang = page_language(request)
        other = LANGUAGES[1 - LANGUAGES.index(lang)]

        def t(key: str, **values: object) -> str:
            return self.strings.text(lang, key, **values)

        def t_other(key: str, **values: object) -> str:
            return self.strings.text(other, key, **values)

        shared = {"lang": lang, "other_lang": other, "t": t, "t_other": t_other, "active": active,
                  "ui_strings": self.strings.strings[lang],
                  "lang_href": request.url.path + "?" + urlencode({**request.query_params, "lang": other}),
                  "path": request.url.path}
        response = self.templates.TemplateResponse(request, template, {**shared, **(context or {})},
                                                   status_code=status_code,
                                                   headers={**SECURITY_HEADERS, **(headers or {})})
        if request.query_params.get("lang") in LANGUAGES:
            response.set_cookie(COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax")
        return response


def render(request: Request, template: str, context: dict[str, Any] | None = None, *,
           active: str | None = None, headers: dict[str, str] | None = None) -> Response:
    """Render ``template`` with the app's :class:`Pages` (set up by ``create_app``)."""
    pages: Pages = request.app.state.pages
    return pages.render(request, template, context, active=active, headers=headers)
