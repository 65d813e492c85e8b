"""An optional fluent rewrite of a story's summary by a language model behind an
OpenAI-compatible endpoint (a local llama.cpp, vLLM or Ollama server), sentence by
sentence. A rewrite is kept only when it keeps its citations, every name and number
of the sentence it replaces, and passes the neutrality check; otherwise the
deterministic sentence stays, with a warning."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from rashomon import errors
from rashomon.compare.summary import neutrality_violations

__all__ = ["rewrite_summary"]

log = logging.getLogger("rashomon.llm")

_RULES = (
    "You edit one sentence of a news summary for fluency. Rules: keep its meaning; "
    "keep every name, number and date exactly as written; keep who says, denies, "
    "suggests or questions what: never state as fact something the sentence "
    "attributes to someone; add nothing that is not in the sentence; keep labels such "
    "as 'Only X reports'. Answer with the rewritten sentence alone, on one line."
)


def rewrite_summary(
    summary: Sequence[Mapping[str, Any]],
    claims: Sequence[Mapping[str, Any]],
    url: str,
    *,
    model: str = "default",
    timeout: float = 30.0,
    strict: bool = False,
    client: httpx.Client | None = None,
) -> list[dict[str, Any]]:
    """`summary` with each sentence rewritten by the model at `url` where the rewrite
    passes the checks; citations (`article_ids`, `claim_ids`) are kept as they were.

    When the endpoint fails (unreachable, timeout, error status, malformed answer) the
    rest of the summary stays deterministic and a warning is logged; with `strict`,
    an `LLMError` is raised instead."""
    out = [dict(s) for s in summary]
    endpoint = url.rstrip("/") + "/v1/chat/completions"
    own = client is None
    http = client or httpx.Client(timeout=timeout)
    try:
        for sentence in out:
            try:
                answer = _ask(http, endpoint, model, sentence["text"], url)
            except errors.LLMError as exc:
                if strict:
                    raise
                log.warning("rashomon: %s The summary stays as rashomon wrote it.", exc)
                break
            problem = _problem(sentence, answer, claims)
            if problem is not None:
                log.warning(
                    "rashomon: kept the original of a summary sentence; the model's rewrite %s: %r",
                    problem,
                    answer,
                )
                continue
            sentence["text"] = answer
            sentence["rewritten"] = True
    finally:
        if own:
            http.close()
    return out


def _ask(http: httpx.Client, endpoint: str, model: str, text: str, url: str) -> str:
    body = {
        "model": model,
        "temperature": 0,
        "messages": [{"role": "system", "content": _RULES}, {"role": "user", "content": text}],
    }
    try:
        response = http.post(endpoint, json=body)
        response.raise_for_status()
        content = response.json()["choices"][0]["message"]["content"]
    except httpx.TimeoutException:
        raise errors.llm_unavailable(url, "no answer before the timeout") from None
    except httpx.HTTPStatusError as exc:
        raise errors.llm_unavailable(url, f"HTTP {exc.response.status_code}") from None
    except httpx.HTTPError as exc:
        raise errors.llm_unavailable(url, str(exc) or type(exc).__name__) from None
    except (ValueError, KeyError, IndexError, TypeError):
        raise errors.llm_unavailable(url, "the answer is not an OpenAI chat completion") from None
    if not isinstance(content, str):
        raise errors.llm_unavailable(url, "the answer has no text")
    return " ".join(content.split()).strip("\"'“”")


def _problem(
    original: Mapping[str, Any], answer: str, claims: Sequence[Mapping[str, Any]]
) -> str | None:
    """Why a rewrite cannot replace the sentence, or None when it can."""
    if not answer:
        return "is empty"
    if len(answer) > 2 * len(original["text"]) + 40:
        return "is much longer than the sentence"
    if neutrality_violations([dict(original, text=answer)], claims):
        return "states a disputed claim without saying who holds it"
    lost = [n for n in _names(original, claims) if n.lower() not in answer.lower()]
    if lost:
        return f"drops {', '.join(lost)}"
    numbers = set(re.findall(r"\d[\d,.]*\d|\d", original["text"]))
    if not numbers <= set(re.findall(r"\d[\d,.]*\d|\d", answer)):
        return "changes a number or date"
    return None


def _names(sentence: Mapping[str, Any], claims: Sequence[Mapping[str, Any]]) -> list[str]:
    """The holders of the cited claims and the sources the sentence names."""
    cited = set(sentence.get("claim_ids") or [])
    text = sentence["text"].lower()
    names = {p["actor"] for c in claims if c["id"] in cited for p in c["positions"]}
    names |= set(sentence.get("article_ids") or [])
    return sorted(n for n in names if len(n) > 2 and n.lower() in text)
