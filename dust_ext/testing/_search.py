"""Document search for data sources and the ``researcher`` agent: word-overlap ranking, deterministic."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from dust_ext.testing._state import Document

_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class ScoredDocument:
    """A search hit: the document and a relevance score in (0, 1]."""

    document: Document
    score: float


def rank_documents(documents: Iterable[Document], query: str, top_k: int) -> list[ScoredDocument]:
    """Documents sharing words with ``query``, best first (score = share of query words found, plus a
    bonus when the whole query appears verbatim), ties broken by document id."""
    query_words = words(query)
    hits: list[ScoredDocument] = []
    for document in documents:
        haystack = f"{document.title}\n{document.text}"
        overlap = len(query_words & words(haystack))
        if not query_words or overlap == 0:
            continue
        score = overlap / len(query_words)
        if query.strip().lower() in haystack.lower():
            score += 1.0
        hits.append(ScoredDocument(document, round(score / 2, 6)))
    hits.sort(key=lambda hit: (-hit.score, hit.document.document_id))
    return hits[:top_k]
