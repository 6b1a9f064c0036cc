"""The analyst web interface in a real browser (headless Chromium) against the real server:
what an analyst does — ask, read the evidence, follow an entity, browse and export, run SPARQL,
switch language — with a screenshot of every page in ``artifacts/screenshots/``."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser import ROOT, launch, needs_chromium, open_page, screenshot

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]


def dev_question(qid: str) -> dict[str, Any]:
    for line in (ROOT / "data" / "eval" / "dev-questions.jsonl").read_text(encoding="utf-8").splitlines():
        question: dict[str, Any] = json.loads(line)
        if question["id"] == qid:
            return question
    raise LookupError(qid)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launch() as b:
        yield b


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    with open_page(browser, server) as p:
        yield p


def ask(page: Page, question: str) -> None:
    page.goto("/")
    page.get_by_label("问题", exact=True).fill(question)
    page.get_by_label("问题", exact=True).press("Enter")
    expect(page.locator("#answer")).to_be_visible()


def test_ask_a_dev_question_shows_the_answer_evidence_and_its_sparql(page: Page) -> None:
    question = dev_question("q129")  # 清华大学是什么时候开设区块链课程的？ → 2015年9月
    ask(page, question["question"])
    gold = question["answers"][0]
    expect(page.locator(".answer-items")).to_contain_text(gold)
    expect(page.locator(".confidence")).to_contain_text("%")
    marks = [re.sub(r"\s", "", m) for m in page.locator("ol.evidence mark").all_inner_texts()]
    assert gold in marks, marks  # the supporting span of the evidence is highlighted
    assert "附录 7" in page.locator("ol.evidence .meta").first.inner_text()  # its section …
    expect(page.locator("ol.evidence .meta").first).to_contain_text("第 68 页")  # … and page
    assert "q=" in page.url  # the question is in the address: a shared link asks it again
    screenshot(page, "desktop-ask-answer")
    page.get_by_role("link", name="查看 SPARQL 查询").click()
    expect(page).to_have_url(re.compile(r"/query\?q="))
    expect(page.locator("#table tbody tr").first).to_be_visible()
    assert "startDate" in page.locator(".CodeMirror").inner_text()  # the editor holds the query
    screenshot(page, "desktop-ask-sparql")


def test_a_question_the_report_does_not_answer_says_so_with_the_closest_passages(page: Page) -> None:
    question = dev_question("q024")
    assert question["kind"] == "unanswerable"
    ask(page, question["question"])
    expect(page.locator(".no-answer-text")).to_have_text("报告中没有提到这一点。")
    expect(page.locator(".answer-items")).to_have_count(0)
    assert page.locator("ol.evidence li").count() >= 1
    screenshot(page, "desktop-ask-no-answer")


def test_an_entity_page_opened_from_an_answer_shows_facts_sources_and_neighbourhood(page: Page) -> None:
    ask(page, dev_question("q042")["question"])  # 全国首个区块链电子处方是哪家医院推出来的？
    page.locator(".answer-items a.entity").first.click()
    expect(page).to_have_url(re.compile(r"/id/org/huashan-hospital$"))
    expect(page.locator("h1")).to_contain_text("华山医院")
    assert page.locator("table.facts tr").count() >= 2
    source = page.locator("table.facts a.src").first
    passage = page.locator(source.get_attribute("href") or "")
    expect(passage.locator("blockquote")).not_to_be_empty()  # each fact cites a passage shown below
    assert page.locator(".neighbourhood svg a").count() >= 1
    assert page.locator(".related a").count() >= 1
    screenshot(page, "desktop-entity")


def test_browse_companies_filter_sort_and_export_csv(page: Page) -> None:
    page.goto("/browse")
    page.locator("a[data-key='companies']").click()
    expect(page).to_have_url(re.compile(r"/browse/companies"))
    rows = page.locator("table.browse tbody tr")
    expect(rows.first).to_be_visible()
    unfiltered = page.locator("table.browse caption").inner_text()
    page.get_by_label("筛选", exact=True).fill("杭州")
    expect(page.locator("table.browse caption")).not_to_have_text(unfiltered)
    expect(rows.first).to_contain_text("杭州")
    page.locator("button.sort[data-column='founded']").click()
    expect(page.locator("th[aria-sort='ascending']")).to_have_count(1)
    shown = rows.count()
    screenshot(page, "desktop-browse-companies")
    with page.expect_download() as info:
        page.get_by_role("link", name="导出 CSV").click()
    text = info.value.path().read_bytes().decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert len(table) - 1 == int(re.sub(r"\D", "", page.locator("table.browse caption").inner_text()))
    assert len(table) - 1 >= shown > 0
    assert any("趣链" in cell for row in table[1:] for cell in row)


def test_sparql_editor_runs_an_example_query_and_downloads_results(page: Page) -> None:
    page.goto("/query")
    page.get_by_label("示例查询", exact=True).select_option("countries-by-regulatory-attitude")
    expect(page.locator(".CodeMirror")).to_contain_text("SELECT")
    expect(page.locator(".CodeMirror .cm-keyword").first).to_be_visible()  # syntax highlighted
    page.get_by_role("button", name=re.compile("运行")).click()
    expect(page.locator("#table tbody tr").first).to_be_visible()
    assert page.locator("#table tbody tr").count() >= 30
    screenshot(page, "desktop-sparql")
    with page.expect_download() as info:
        page.locator("#downloads button[data-format='tsv']").click()
    lines = info.value.path().read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("?") and len(lines) > 30


def test_the_language_switch_turns_the_interface_english_and_remembers_it(page: Page) -> None:
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "zh")
    page.locator(".lang-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Ask the report")
    page.get_by_role("link", name="Browse").click()  # no ?lang= any more: the choice is remembered
    expect(page.locator("h1")).to_have_text("Browse by class")
    expect(page.locator("a[data-key='companies']")).to_contain_text("Companies")
    screenshot(page, "desktop-browse-en")
    page.locator(".lang-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh")


def test_search_type_ahead_by_keyboard_and_type_filter(page: Page) -> None:
    page.goto("/search")
    box = page.get_by_role("combobox", name="关键词")
    box.press_sequentially("浙大", delay=50)
    option = page.get_by_role("option").first
    expect(option).to_contain_text("浙江大学")  # found by its alias
    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/id/"))
    expect(page.locator("h1")).to_contain_text("浙江大学")
    page.goto("/search?q=趣链&type=Company")
    expect(page.locator("ul.hits li").first).to_be_visible()
    assert page.locator("ul.hits li.passage").count() == 0
    screenshot(page, "desktop-search")


def test_compare_and_charts_draw_their_pictures(page: Page, server: str) -> None:
    page.goto("/compare")
    expect(page.locator("table.matrix tbody tr")).to_have_count(30)
    expect(page.locator("#cities-chart svg rect.bar").first).to_be_visible()
    assert page.locator("table.compare thead th").count() >= 8  # the kind column + seven cities or more
    screenshot(page, "desktop-compare")
    charts = httpx.get(server + "/api/charts").json()
    page.goto("/charts")
    expect(page.locator("figure.chart svg")).to_have_count(len(charts))
    assert page.locator("figure.chart svg path").count() >= 1  # the pie of attack surfaces
    screenshot(page, "desktop-charts")


def test_markup_in_questions_queries_and_results_stays_text(page: Page) -> None:
    attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
    page.goto("/?q=" + quote(attack))
    expect(page.locator("#answer")).to_be_visible()
    expect(page.get_by_label("问题", exact=True)).to_have_value(attack)
    query = f'SELECT ?x WHERE {{ BIND("{attack.replace(chr(34), chr(39))}" AS ?x) }}'
    page.goto("/query?q=" + quote(query))
    expect(page.locator("#table tbody td").first).to_have_text(attack.replace('"', "'"))
    page.goto("/search?q=" + quote(attack))
    expect(page.locator("#status")).not_to_be_empty()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src='x']").count() == 0


def test_the_sparql_page_works_without_the_npm_libraries(browser: Browser, server: str) -> None:
    with open_page(browser, server, ignore="Failed to load resource") as page:
        page.route("**/vendor/**", lambda route: route.fulfill(status=404, body="not installed"))
        page.goto("/query?q=" + quote("ASK { ?s a cko:Company }"))
        expect(page.locator("textarea#query")).to_be_visible()  # a plain text area instead of CodeMirror
        expect(page.locator("#table")).to_contain_text("true")


def test_keyboard_skip_link_reaches_the_content(page: Page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.locator("a.skip")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


PHONE_PAGES = [("ask", "/?q=清华大学是什么时候开设区块链课程的？", "#answer .answer-items"),
               ("entity", "/id/company/qulian", ".neighbourhood svg"),
               ("search", "/search?q=趣链", "ul.hits li"),
               ("browse", "/browse/companies", "table.browse tbody tr"),
               ("compare", "/compare", "table.matrix tbody tr"),
               ("charts", "/charts", "figure.chart svg"),
               ("sparql", "/query", ".CodeMirror"),
               ("ontology", "/ontology", "table.terms")]


def test_every_page_fits_a_phone(browser: Browser, server: str) -> None:
    with open_page(browser, server, phone=True) as page:
        for name, path, ready in PHONE_PAGES:
            page.goto(path)
            expect(page.locator(ready).first).to_be_visible()
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{name} is {overflow}px wider than the phone"  # wide tables scroll inside
            screenshot(page, f"phone-{name}")
