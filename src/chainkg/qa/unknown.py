"""Names a question uses that the report never mentions: then the report cannot say.

>>> names = UnknownNames("趣链 杭州 美国", lambda name: ("x",) if name == "美国" else ())
>>> names.find([("成都", "ns"), ("美国大学", "ns"), ("外国", "ns"), ("IBM", "eng"), ("When", "eng")], "zh")
['成都', 'IBM']
>>> names.find([("三国", "ns"), ("四市", "ns")], "zh")
[]
>>> names.find([("How", "eng"), ("many", "eng"), ("Alibaba", "eng"), ("Appendix", "eng")], "en")
['Alibaba']
>>> names = UnknownNames("", lambda name: (), "spain 范太联盟")
>>> names.find([("Which", "eng"), ("Spanish", "eng"), ("Mexican", "eng"), ("Fantai", "eng")], "en",
...            "Which Spanish and Mexican schools, and the Fantai alliance (范太联盟)?")
['Mexican']
"""

from __future__ import annotations

import re
from collections.abc import Callable

from chainkg.qa.analysis import CLASS_NOUNS, Question
from chainkg.qa.answer import AnswerItem
from chainkg.qa.arithmetic import coordinated
from chainkg.qa.linker import Link
from chainkg.text import flat

#: words jieba tags as place names that name no place in particular
_GENERIC_PLACE_WORDS = frozenset({"外国", "国外", "海外", "境外", "境内", "国内", "本地", "当地", "外地", "各地",
                                  "全国", "全球", "世界", "各国", "中外", "内地", "本国", "他国",
                                  # (jieba tags "东西", a thing, as east-west, a place)
                                  "东西", "南北", "东南", "西北", "上下", "前后", "左右"})


#: a count of places ("三国", "四市", "两省"), which jieba may tag as a place name
_COUNTED_PLACES = re.compile(r"[一二两三四五六七八九十\d]+(?:国|省|市|城|地|区|县|州)")

#: adjectives of countries and regions in English questions, by the name they stand for
#: ("Spanish universities" is about Spain, which the report names)
_DEMONYMS = {"american": "united states", "australian": "australia", "austrian": "austria", "belarusian": "belarus",
             "belgian": "belgium", "brazilian": "brazil", "british": "united kingdom", "canadian": "canada",
             "chilean": "chile", "cypriot": "cyprus", "danish": "denmark", "dutch": "netherlands",
             "estonian": "estonia", "european": "europe", "finnish": "finland", "french": "france",
             "german": "germany", "greek": "greece", "indian": "india", "irish": "ireland", "israeli": "israel",
             "italian": "italy", "japanese": "japan", "kazakh": "kazakhstan", "korean": "korea",
             "lithuanian": "lithuania", "maltese": "malta", "mexican": "mexico", "norwegian": "norway",
             "polish": "poland", "portuguese": "portugal", "romanian": "romania", "russian": "russia",
             "singaporean": "singapore", "spanish": "spain", "swedish": "sweden", "swiss": "switzerland",
             "thai": "thailand", "turkish": "turkey", "ukrainian": "ukraine", "venezuelan": "venezuela"}
#: a name the question glosses in Chinese right after it ("The Fantai alliance (范太联盟, …)")
_GLOSSED = re.compile(r"[^()（）]{0,25}[(（]\s*[\u4e00-\u9fff]")

#: capitalised words of English questions that name no entity
_ENGLISH_WORDS = frozenset({"english", "chinese", "appendix", "chapter", "table", "figure", "section", "report",
                            "according", "which", "what", "who", "when", "how", "does", "did", "is", "are"})


class UnknownNames:
    """Tells which proper nouns of a question the report never uses.

    Places and organisations (ns, nt) count when the report lacks them, unless they are a
    generic place word or a name the graph knows followed by a class noun (美国 + 大学); so do
    Latin-script acronyms in a Chinese question (IBM, TPS). jieba's person and other name tags
    (nr, nz) also fall on common words (纳米 is tagged nrt), so they are not used.
    """

    def __init__(self, report_text: str, graph_names: Callable[[str], tuple[str, ...]],
                 entity_names: str = "") -> None:
        self._report_text = report_text  # normalised, lower case, no white space
        self._graph_names = graph_names
        self._entity_names = entity_names  # every name of every entity, lower case

    def find(self, proper_nouns: list[tuple[str, str]], lang: str, text: str = "") -> list[str]:
        """The words of ``proper_nouns`` (word, jieba tag) the report never mentions (``text``,
        the question: a word that starts one of its sentences is capitalised anyway)."""
        starts = {m.group(1).lower() for m in re.finditer(r"(?:^|[.?!]\s+)([A-Za-z]+)", text)}
        unknown: list[str] = []
        for k, (word, tag) in enumerate(proper_nouns):
            low = word.lower()
            if (low in self._report_text or low in _GENERIC_PLACE_WORDS or self._known_parts(low)
                    or _COUNTED_PLACES.fullmatch(low)):
                continue
            if tag in ("ns", "nt") or (tag == "eng" and lang == "zh" and sum(c.isupper() for c in word) >= 2):
                unknown.append(word)
            elif (tag == "eng" and lang == "en" and k > 0 and word[:1].isupper() and len(word) >= 3
                  and low not in starts and _DEMONYMS.get(low, low) not in self._entity_names
                  and low not in _ENGLISH_WORDS and not _glossed(word, text)):
                unknown.append(word)  # "Alibaba": a name in an English question that nothing has
        return unknown

    def _known_parts(self, word: str) -> bool:
        return any(self._graph_names(word[:k]) and word[k:] in CLASS_NOUNS for k in range(2, len(word) - 1))


def _glossed(word: str, text: str) -> bool:
    """Whether ``text`` gives the Chinese name of ``word`` in brackets right after it."""
    at = text.find(word)
    return at >= 0 and _GLOSSED.match(text, at + len(word)) is not None


def echoes(question: Question, items: list[AnswerItem], links: list[Link]) -> bool:
    """Whether every answer is an entity the question itself names (links to and writes):
    "比亚迪的供应商向哪家银行…" is not answered by 比亚迪. Not when the question picks one of the
    names it joins ("比特币和以太坊，哪种…") or asks for a most or a rank.

    >>> from chainkg.qa.analysis import analyse
    >>> byd, bank = [AnswerItem("比亚迪", "BYD", "x")], [AnswerItem("某银行", None, "y")]
    >>> q, links = analyse("比亚迪的供应商向哪家银行贷款？"), [Link("比亚迪", 0, 3, ("x",))]
    >>> echoes(q, byd, links), echoes(q, bank, links)
    (True, False)
    >>> echoes(analyse("比亚迪和腾讯，哪家在深圳？"), byd, [*links, Link("腾讯", 4, 6, ("y",))])
    False
    """
    if not items or question.wants_any("yesno", "compare", "number", "count", "most", "rank") or (
            coordinated(question.text, links)):
        return False
    named = {iri for lk in links if lk.name for iri in lk.iris}
    said = flat(question.text)
    # (linked and written: a product's name may link to its maker, which it does not name)
    return all(i.iri in named and any(v is not None and flat(str(v)) in said for v in (i.label, i.value))
               for i in items)
