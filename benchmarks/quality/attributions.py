"""Who claims what: rashomon's attributions and claim positions against gold sets
written by us (`attributions-<corpus>.json`, see ANNOTATING-claims.md), with
textacy's `direct_quotations` scored the same way on the same texts as a baseline.

- Attributions: a system attribution matches a gold one in the same article when
  their content spans overlap by at least half of the shorter one and the speaker
  names agree (any gold alias, case- and diacritic-insensitive, whole words); one
  to one. Precision, recall and F1; stance accuracy and `direct` accuracy over the
  matched pairs.
- Positions: a system position matches a gold position of the same article when
  the actor agrees, the stance is equal and the evidence overlaps. System claims
  are mapped one to one onto gold claims (most matched positions first); a
  position counts only inside its mapped claim. Precision is over the positions of
  mapped claims and of unmapped claims that are not `single_source` (the gold set
  annotates every claim stated twice or disputed).

    .venv/bin/python benchmarks/quality/attributions.py [--corpus NAME] [--details]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
_QUOTES = "\"'\u201c\u201d\u2018\u2019"


def _find(text: str, needle: str) -> tuple[int, int] | None:
    """Where `needle` is in `text`, ignoring case, quote style and whitespace."""
    parts = []
    for tok in needle.split():
        parts.append("".join(f"[{_QUOTES}]" if ch in _QUOTES else re.escape(ch) for ch in tok))
    if not parts:
        return None
    m = re.search(r"\s+".join(parts), text, re.I)
    return (m.start(), m.end()) if m else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, inter) / max(1, min(a[1] - a[0], b[1] - b[0]))


def _names_agree(names: list[str | None], aliases: list[str], fold: Any) -> bool:
    for n in names:
        if not n:
            continue
        fn = " " + fold(n) + " "
        for a in aliases:
            fa = fold(a)
            if not fa:
                continue
            if fn.strip() == fa or f" {fa} " in fn or (len(fn.strip()) >= 4 and fn in f" {fa} "):
                return True
    return False


def _speaker_ok(pred: dict[str, Any], gold: list[str], outlet: str | None, fold: Any) -> bool:
    names = [pred.get("speaker"), pred.get("speaker_text"), *pred.get("speaker_names", [])]
    if not gold:
        return pred.get("speaker") is None or _names_agree(names, [outlet or ""], fold)
    return _names_agree(names, gold, fold)


def _locate(text: str, g: dict[str, Any]) -> tuple[int, int] | None:
    where = _find(text, g["content"])
    if len(g["content"].split()) < 3:
        # "it", "these claims": found beside their cue, not at their first use
        near = _find(text, f"{g['cue'].split()[-1]} {g['content']}")
        if near is not None:
            where = (near[1] - len(g["content"]), near[1])
    return where


def _match_attributions(
    preds: list[dict[str, Any]], golds: list[dict[str, Any]], texts: dict[str, str],
    outlets: dict[str, str | None], fold: Any, titles: dict[str, str] | None = None,
) -> tuple[list[tuple[int, int]], int]:  # fmt: skip
    """One-to-one matches (pred index, gold index); and gold spans not found. A gold
    content found only in the headline matches a system attribution in the headline
    (`in_title`, offsets into the title)."""
    missing = 0
    spans: list[tuple[int, int] | None] = []
    in_title: list[bool] = []
    for g in golds:
        where = _locate(texts.get(g["article"], ""), g)
        headline = where is None and titles is not None
        if headline:
            where = _locate((titles or {}).get(g["article"]) or "", g)
        missing += where is None
        spans.append(where)
        in_title.append(headline)
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            span = spans[j]
            if p["article_id"] != g["article"] or span is None:
                continue
            if bool(p.get("in_title")) != in_title[j]:
                continue
            ov = _overlap((p["start"], p["end"]), span)
            if ov >= 0.5 and _speaker_ok(p, g["speaker"], outlets.get(g["article"]), fold):
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out, missing


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def _evidence_ok(pred: str, gold: str) -> bool:
    norm = lambda s: re.sub(rf"[{_QUOTES}]", "", " ".join(s.lower().split()))  # noqa: E731
    a, b = norm(pred), norm(gold)
    if a in b or b in a:
        return True
    ta, tb = set(a.split()), set(b.split())
    return len(ta & tb) >= 0.6 * min(len(ta), len(tb))


def _position_ok(p: dict[str, Any], g: dict[str, Any], outlets: dict[str, str | None],
                 fold: Any) -> bool:  # fmt: skip
    if p["article_id"] != g["article"] or p["stance"] != g["stance"]:
        return False
    if not _evidence_ok(p["evidence"], g["evidence"]):
        return False
    if g.get("own_voice"):
        return bool(p.get("own_voice")) or _names_agree([p["actor"]], g["actor"], fold)
    return _names_agree([p["actor"]], g["actor"], fold)


def one_to_one(table: Any) -> tuple[dict[int, int], int]:
    """System items mapped one to one onto gold items from (matches, system index,
    gold index) rows, most matches first; and the matches the mapping keeps."""
    mapped: dict[int, int] = {}
    taken: set[int] = set()
    tp = 0
    for n, i, j in sorted(table, reverse=True):
        if n == 0:
            break
        if i in mapped or j in taken:
            continue
        mapped[i] = j
        taken.add(j)
        tp += n
    return mapped, tp


def score_positions(
    claims: list[dict[str, Any]], gold: list[dict[str, Any]], outlets: dict[str, str | None],
    fold: Any,
) -> dict[str, Any]:  # fmt: skip
    n_gold = sum(len(g["positions"]) for g in gold)

    def matches(pc: dict[str, Any], gc: dict[str, Any]) -> int:
        used: set[int] = set()
        n = 0
        for p in pc["positions"]:
            for j, g in enumerate(gc["positions"]):
                if j not in used and _position_ok(p, g, outlets, fold):
                    used.add(j)
                    n += 1
                    break
        return n

    mapped, tp = one_to_one(
        (matches(pc, gc), i, j) for i, pc in enumerate(claims) for j, gc in enumerate(gold)
    )
    n_pred = sum(
        len(pc["positions"])
        for i, pc in enumerate(claims)
        if i in mapped or pc["status"] != "single_source"
    )
    out = _prf(tp, n_pred, n_gold)
    out.update({"matched": tp, "system": n_pred, "gold": n_gold, "claims_mapped": len(mapped),
                "gold_claims": len(gold)})  # fmt: skip
    out.update(_diagnostics(claims, gold, outlets, fold))
    return out


def _diagnostics(
    claims: list[dict[str, Any]], gold: list[dict[str, Any]], outlets: dict[str, str | None],
    fold: Any,
) -> dict[str, Any]:  # fmt: skip
    """Where positions are lost. `found`: the share of gold positions some system
    position matches, in any claim. `alignment`: over pairs of found gold positions
    of one gold claim from different articles, the share the system puts in one claim
    (recall); over pairs of system positions of one claim from different articles that
    match gold positions, the share that belong to one gold claim (precision)."""
    where: dict[tuple[int, int], set[int]] = {}  # gold (claim, position) -> system claims
    gold_of: dict[tuple[int, int], set[int]] = {}  # system (claim, position) -> gold claims
    for gi, gc in enumerate(gold):
        for gj, g in enumerate(gc["positions"]):
            for ci, pc in enumerate(claims):
                for pj, p in enumerate(pc["positions"]):
                    if _position_ok(p, g, outlets, fold):
                        where.setdefault((gi, gj), set()).add(ci)
                        gold_of.setdefault((ci, pj), set()).add(gi)
    n_gold = sum(len(g["positions"]) for g in gold)
    together = pairs = 0
    for gi, gc in enumerate(gold):
        found = [(gj, g) for gj, g in enumerate(gc["positions"]) if (gi, gj) in where]
        for x in range(len(found)):
            for y in range(x + 1, len(found)):
                if found[x][1]["article"] == found[y][1]["article"]:
                    continue
                pairs += 1
                together += bool(where[(gi, found[x][0])] & where[(gi, found[y][0])])
    same = ppairs = 0
    for ci, pc in enumerate(claims):
        hit = [(pj, p) for pj, p in enumerate(pc["positions"]) if (ci, pj) in gold_of]
        for x in range(len(hit)):
            for y in range(x + 1, len(hit)):
                if hit[x][1]["article_id"] == hit[y][1]["article_id"]:
                    continue
                ppairs += 1
                same += bool(gold_of[(ci, hit[x][0])] & gold_of[(ci, hit[y][0])])
    return {
        "found": round(len(where) / n_gold, 3) if n_gold else 0.0,
        "alignment_recall": round(together / pairs, 3) if pairs else 0.0,
        "alignment_precision": round(same / ppairs, 3) if ppairs else 0.0,
    }


def textacy_baseline(texts: dict[str, str]) -> tuple[list[dict[str, Any]], int]:
    """textacy's direct quotations on the same cleaned texts and the same spaCy model,
    as attributions; and how many articles it failed on."""
    from textacy.extract.triples import direct_quotations

    from rashomon.nlp.models import load_nlp

    nlp = load_nlp()
    out: list[dict[str, Any]] = []
    failed = 0
    for article_id, text in texts.items():
        doc = nlp(text)
        try:
            triples = list(direct_quotations(doc))
        except Exception:
            failed += 1
            continue
        for t in triples:
            content = t.content
            speaker = " ".join(tok.text for tok in t.speaker) if t.speaker else None
            out.append(
                {
                    "article_id": article_id,
                    "speaker": speaker,
                    "speaker_text": speaker,
                    "start": content.start_char if hasattr(content, "start_char") else 0,
                    "end": content.end_char if hasattr(content, "end_char") else 0,
                    "stance": "asserts",
                    "direct": True,
                }
            )
    return out, failed


def score(corpus_file: Path, details: bool = False) -> dict[str, Any]:
    import rashomon
    from rashomon.compare.gazetteer import fold

    gold = json.loads(corpus_file.read_text(encoding="utf-8"))
    inputs = (ROOT / gold["inputs"]).resolve()
    t0 = time.perf_counter()
    report = rashomon.analyze([str(inputs)], quiet=True)
    seconds = time.perf_counter() - t0
    texts = {a.id: a.text for a in report.articles if a.status == "ok"}
    titles = {a.id: a.title or "" for a in report.articles if a.status == "ok"}
    outlets = {a.id: a.outlet for a in report.articles}
    preds: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    names = {}
    for story in report.stories:
        names.update({e["id"]: e["name"] for e in story.entities})
        claims.extend(story.claims)
        for a in story.attributions:
            preds.append(
                dict(a, speaker_names=[names.get(e, "") for e in a.get("speaker_entity_ids", [])])
            )
    golds = [g for g in gold["attributions"] if g["article"] in texts]
    pairs, missing = _match_attributions(preds, golds, texts, outlets, fold, titles)
    result: dict[str, Any] = {"corpus": gold["corpus"], "articles": len(texts)}
    result["attributions"] = _prf(len(pairs), len(preds), len(golds))
    result["attributions"].update({"system": len(preds), "gold": len(golds), "matched": len(pairs),
                                   "gold_not_found_in_text": missing})  # fmt: skip
    stance_ok = sum(preds[i]["stance"] == golds[j]["stance"] for i, j in pairs)
    direct_ok = sum(bool(preds[i]["direct"]) == bool(golds[j]["direct"]) for i, j in pairs)
    result["stance_accuracy"] = round(stance_ok / len(pairs), 3) if pairs else 0.0
    result["direct_accuracy"] = round(direct_ok / len(pairs), 3) if pairs else 0.0
    result["positions"] = score_positions(claims, gold["claims"], outlets, fold)
    base, failed = textacy_baseline(texts)
    bpairs, _ = _match_attributions(base, golds, texts, outlets, fold)
    result["textacy_direct_quotations"] = _prf(len(bpairs), len(base), len(golds))
    result["textacy_direct_quotations"].update({"system": len(base), "failed_articles": failed})
    result["analyze_seconds"] = round(seconds, 2)
    if details:
        matched_g = {j for _, j in pairs}
        matched_p = {i for i, _ in pairs}
        result["missed"] = [
            f"{g['article']}: {g['speaker'][:1]} {g['cue']} | {g['content'][:80]}"
            for j, g in enumerate(golds) if j not in matched_g
        ]  # fmt: skip
        result["spurious"] = [
            f"{p['article_id']}: {p['speaker']} ({p.get('speaker_text')}) {p['cue']} | "
            f"{p['content'][:80]}"
            for i, p in enumerate(preds) if i not in matched_p
        ]  # fmt: skip
        result["stance_errors"] = [
            f"{golds[j]['article']}: {preds[i]['stance']} != {golds[j]['stance']} | "
            f"{golds[j]['content'][:70]}"
            for i, j in pairs if preds[i]["stance"] != golds[j]["stance"]
        ]  # fmt: skip
    return result


def run_scorer(prefix: str, doc: str, scorer: Any) -> int:
    """The command line shared by the quality scorers: every `<prefix>-<corpus>.json`
    gold file here (or those named with --corpus), scored and printed as JSON."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", help="a corpus name (default: all)")
    parser.add_argument("--details", action="store_true", help="list misses and errors")
    args = parser.parse_args()
    files = sorted(HERE.glob(f"{prefix}-*.json"))
    if args.corpus:
        files = [f for f in files if f.stem.removeprefix(f"{prefix}-") in args.corpus]
    for f in files:
        if not (ROOT / json.loads(f.read_text())["inputs"]).exists():
            print(f"skipped {f.name}: its inputs are not here", file=sys.stderr)
            continue
        print(json.dumps(scorer(f, args.details), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(run_scorer("attributions", __doc__ or "", score))
