"""The command line: parses, calls the Python API, prints. Every failure is one
line and an exit code (0 analysed, 2 usage error, 3 nothing could be analysed)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from rashomon import __version__, errors
from rashomon.model import Article

if TYPE_CHECKING:
    from rashomon.compare.stance import ArticleStance

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_NOTHING = 0, 1, 2, 3

_EPILOG = """\
inputs can be files, directories (read recursively), globs ('news/*.html'),
http(s) URLs, or '-' for standard input. Formats are recognised by extension,
content type or content: .txt .md .html .json .jsonl .csv .rss .atom .xml
.warc .warc.gz (and .gz of any of them).

examples:
  rashomon analyze examples/saltmarsh-2025/mixed -o report.html
  rashomon analyze news/ --format md > report.md
  rashomon analyze news/ --format parquet -o tables/
  cat article.txt | rashomon analyze - -o report.json
  rashomon analyze https://example.org/feed.rss --fetch-linked -o report.json
  rashomon ingest news/ --db news.db && rashomon search 'ceasefire' --db news.db
  rashomon stance "Turkey sent fighters to Karabakh" news/

exit codes: 0 at least one article analysed; 3 no input could be analysed;
2 usage error; 1 any other error.
"""


_STANCE_EPILOG = """\
examples:
  rashomon stance "Turkey sent fighters to Karabakh" news/
  rashomon stance "The drones were launched from Belmark" examples/saltmarsh-2025/mixed
  rashomon stance "Turkey sent fighters to Karabakh" news/ --json > stances.json
  rashomon stance "Turkey sent fighters to Karabakh" https://example.org/a.html --no-db

how to read it: 'asserts' is the outlet stating the claim itself; 'reports' is an
article passing it on (reportedly, according to, a source says, or a claim that is
itself only someone's word); 'denies' is an article that calls the story false, or
plainly states what the claim calls false. The figures behind it are in the README.
Inputs are read as by analyze (files, directories, globs, URLs, '-').

exit codes: 0 at least one article analysed; 3 no input could be analysed;
2 usage error (an empty claim); 1 any other error.
"""


def _add_read_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("reading inputs")
    g.add_argument("--config", metavar="FILE", help="settings file (TOML, a [rashomon] table)")
    g.add_argument(
        "--allow-private",
        action="store_true",
        default=None,
        help="allow URLs on private, loopback and link-local addresses (refused by default)",
    )
    g.add_argument(
        "--fetch-linked",
        action="store_true",
        default=None,
        help="for feeds: fetch each item's linked page instead of using the feed's text",
    )
    g.add_argument("--timeout", type=float, metavar="S", help="seconds per URL fetch (default 20)")
    g.add_argument(
        "--max-bytes", type=int, metavar="N", help="largest input read, in bytes (default 20 MB)"
    )
    g.add_argument(
        "--min-words",
        type=int,
        metavar="N",
        help="bodies shorter than this are rejected as 'no article body' (default 15)",
    )
    g.add_argument(
        "--near-duplicate-threshold",
        type=float,
        metavar="J",
        help="share of word sequences two texts must share to be near-duplicates (default 0.7)",
    )
    g.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="processes that clean articles in parallel (default: one per core, at most 4)",
    )
    g.add_argument(
        "-q", "--quiet", action="store_true", default=None, help="no progress or summary"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rashomon",
        description="Read many news articles about the same events and tell, source by "
        "source, who claims what.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"rashomon {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    a = sub.add_parser(
        "analyze",
        help="read inputs and write the report",
        description="Read the inputs, clean them, drop duplicates, and write the report. "
        "Every input appears in the report as ok, duplicate or rejected with a reason.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    a.add_argument("inputs", nargs="+", metavar="INPUT")
    a.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here (default: standard output); a folder for csv and parquet",
    )
    a.add_argument(
        "-f",
        "--format",
        choices=["json", "md", "html", "csv", "parquet"],
        help="output format (default: from the output file's extension, else json); csv and "
        "parquet write one file per table (articles, claims, positions, ...) into -o FOLDER",
    )
    a.add_argument("--db", metavar="FILE", help="store file (default ./rashomon.db)")
    a.add_argument("--no-db", action="store_true", help="keep nothing: do not use a store")
    w = a.add_argument_group("who claims what")
    w.add_argument(
        "--cues",
        metavar="FILE",
        help="more cue verbs: a TOML file with a [cues] table of assert/deny/hedge/question "
        "lists, added to rashomon's own lexicon",
    )
    w.add_argument(
        "--claim-threshold",
        type=float,
        metavar="X",
        help="how alike two statements must be to count as one claim, 0 to 1 (default 0.45; "
        "higher keeps claims apart)",
    )
    w.add_argument(
        "--llm",
        metavar="URL",
        help="rewrite each summary for fluency with an OpenAI-compatible server at URL "
        "(llama.cpp, vLLM, Ollama); rewrites that drop a name or state a disputed claim as "
        "fact are refused. Off by default",
    )
    w.add_argument("--llm-model", metavar="NAME", help="the model name the server expects")
    _add_read_options(a)

    st = sub.add_parser(
        "stance",
        help="where each article stands on a claim you bring",
        description="Read the inputs as analyze does and tell, article by article, where "
        "each stands on CLAIM: asserts it in its own voice, denies or debunks it, only "
        "reports it (hedged, or as someone else's words), or is unrelated to it; with how "
        "related it is (0 to 1), the sentence that shows it and who says that sentence.",
        epilog=_STANCE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    st.add_argument("claim", metavar="CLAIM", help="the claim, as a sentence (quote it)")
    st.add_argument("inputs", nargs="+", metavar="INPUT")
    st.add_argument(
        "--json", action="store_true", help="print one JSON object instead of the table"
    )
    st.add_argument("--db", metavar="FILE", help="store file (default ./rashomon.db)")
    st.add_argument("--no-db", action="store_true", help="keep nothing: do not use a store")
    st.add_argument(
        "--cues",
        metavar="FILE",
        help="more cue verbs for who says what (a TOML [cues] table, as for analyze)",
    )
    _add_read_options(st)

    i = sub.add_parser(
        "ingest",
        help="add inputs to the store without writing a report",
        description="Read, clean and dedup the inputs into the store (SQLite). Re-ingesting "
        "the same inputs adds nothing. Streams: memory stays flat on large runs.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    i.add_argument("inputs", nargs="+", metavar="INPUT")
    i.add_argument(
        "--db", metavar="FILE", default="rashomon.db", help="store file (default ./rashomon.db)"
    )
    _add_read_options(i)

    s = sub.add_parser(
        "search",
        help="full-text search of the stored articles",
        description="Search titles and bodies of stored articles. QUERY takes SQLite FTS5 "
        'syntax: words, "exact phrases", AND / OR / NOT, prefix*.',
    )
    s.add_argument("query", metavar="QUERY")
    s.add_argument(
        "--db", metavar="FILE", default="rashomon.db", help="store file (default ./rashomon.db)"
    )
    s.add_argument("-n", "--limit", type=int, default=20, help="most results shown (default 20)")
    s.add_argument("--json", action="store_true", help="print results as JSON lines")
    web = sub.add_parser(
        "serve",
        help="browse, search and add to a store in the browser (web app and JSON API)",
        description="Serve a web app over the store: the stories with their sources and "
        "disputes, each story's views (summary, who claims what, conflicts, timeline, "
        "framing) beside its articles, full-text search, adding articles by upload, pasted "
        "text or URLs, and a JSON API under /api (described at /docs).",
        epilog="Binds to 127.0.0.1. To serve other machines, give a token: every request "
        "then needs 'Authorization: Bearer TOKEN', or a browser opens /login?token=TOKEN "
        "once.\n\nexamples:\n  rashomon ingest news/ --db news.db && rashomon serve --db "
        "news.db\n  RASHOMON_TOKEN=s3cret rashomon serve --db news.db --host 0.0.0.0",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    web.add_argument(
        "--db", metavar="FILE", default="rashomon.db", help="store file (default ./rashomon.db)"
    )
    web.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    web.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    web.add_argument(
        "--token",
        metavar="T",
        help="require this token on every request (default: $RASHOMON_TOKEN); needed to "
        "bind to anything but loopback",
    )
    web.add_argument(
        "--max-upload-mb",
        type=float,
        default=5.0,
        metavar="MB",
        help="largest uploaded file or pasted text (default 5)",
    )
    web.add_argument(
        "--max-files", type=int, default=20, metavar="N", help="most files per upload (default 20)"
    )
    _add_read_options(web)
    return parser


def _settings(args: argparse.Namespace, db: str | None) -> Any:
    from rashomon.settings import load_settings

    return load_settings(
        args.config,
        db=db,
        allow_private=args.allow_private,
        fetch_linked=args.fetch_linked,
        timeout=args.timeout,
        max_bytes=args.max_bytes,
        min_words=args.min_words,
        near_duplicate_threshold=args.near_duplicate_threshold,
        workers=args.workers,
        quiet=args.quiet,
        cues=getattr(args, "cues", None),
        claim_threshold=getattr(args, "claim_threshold", None),
        llm=getattr(args, "llm", None),
        llm_model=getattr(args, "llm_model", None),
    )


class _Progress:
    """A progress bar on stderr that appears only once a run has lasted a second."""

    def __init__(self, total: int, quiet: bool) -> None:
        self._enabled = not quiet and sys.stderr.isatty()
        self._start = time.monotonic()
        self._bar: Any = None
        self._task: Any = None
        self._total = total
        self._done = 0
        self._last_source: tuple[str | None, str | None] | None = None

    def __call__(self, article: Article) -> None:
        key = (article.source.path, article.source.url)
        if key != self._last_source:
            self._last_source = key
            self._done += 1
        if not self._enabled:
            return
        if self._bar is None and time.monotonic() - self._start > 1.0:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._bar = Progress(
                TextColumn("[bold]reading"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}"),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("", total=self._total or None)
        if self._bar is not None:
            where = article.source.path or article.source.url or ""
            self._bar.update(
                self._task, completed=min(self._done, self._total), description=where[-50:]
            )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def _count_inputs(inputs: Sequence[str]) -> int:
    from rashomon.ingest.sources import expand

    return sum(1 for _ in expand(inputs))


def _report_rejections(
    articles: list[Article], say: Callable[[str], None], limit: int = 10
) -> None:
    rejected = [a for a in articles if a.status == "rejected"]
    for a in rejected[:limit]:
        where = _where(a)
        if a.source.index is not None:
            where += f" (item {a.source.index})"
        say(f"  rejected {where}: {a.reason}")
    if len(rejected) > limit:
        say(f"  ... and {len(rejected) - limit} more (see the report)")


def _cmd_analyze(args: argparse.Namespace) -> int:
    from rashomon import render
    from rashomon.pipeline import run

    fmt = render.format_for(args.output, args.format)
    if render.writes_folder(fmt) and not args.output:
        raise errors.folder_output_needed(fmt)
    settings = _settings(args, None if args.no_db else (args.db or "rashomon.db"))
    progress = _Progress(_count_inputs(args.inputs), settings.quiet)
    try:
        report = run(args.inputs, settings, progress)
    finally:
        progress.close()
    if args.output:
        render.write(report, args.output, fmt)
    else:
        sys.stdout.write(render.render(report, fmt))
        sys.stdout.flush()
    counts = report.counts()
    if not settings.quiet:
        say = _stderr
        dest = f" -> {args.output}" if args.output else ""
        say(
            f"{len(report.articles)} inputs: {counts['ok']} analysed, {counts['duplicate']} "
            f"duplicate, {counts['rejected']} rejected; {len(report.stories)} "
            f"{'story' if len(report.stories) == 1 else 'stories'}{dest}"
        )
        _report_rejections(report.articles, say)
    if counts["ok"] == 0:
        _stderr("rashomon: no input could be analysed (see the reasons above).")
        return EXIT_NOTHING
    return EXIT_OK


def _cmd_ingest(args: argparse.Namespace) -> int:
    from rashomon.pipeline import ingest_to_store

    settings = _settings(args, args.db)
    progress = _Progress(_count_inputs(args.inputs), settings.quiet)
    try:
        summary = ingest_to_store(args.inputs, settings, progress)
    finally:
        progress.close()
    if not settings.quiet:
        _stderr(
            f"{summary.seen} inputs: {summary.added} added, {summary.already_stored} already "
            f"stored, {summary.duplicates} duplicate, {len(summary.rejected)} rejected -> "
            f"{summary.db}"
        )
        _report_rejections(summary.rejected, _stderr)
    if summary.added + summary.already_stored == 0:
        _stderr("rashomon: no input could be ingested (see the reasons above).")
        return EXIT_NOTHING
    return EXIT_OK


_STANCE_ORDER = {"asserts": 0, "denies": 1, "reports": 2, "unrelated": 3}


def _cmd_stance(args: argparse.Namespace) -> int:
    import json

    from rashomon.pipeline import claim_stances

    settings = _settings(args, None if args.no_db else (args.db or "rashomon.db"))
    progress = _Progress(_count_inputs(args.inputs), settings.quiet)
    try:
        found = claim_stances(args.claim, args.inputs, settings, progress)
    finally:
        progress.close()
    by_id = {a.id: a for a in found.articles}
    rows = sorted(found.stances, key=lambda s: (_STANCE_ORDER[s.stance], -s.relatedness))
    skipped = [a for a in found.articles if a.status != "ok"]
    if args.json:
        out = {
            "claim": found.claim,
            "articles": [_stance_dict(s, by_id[s.article_id]) for s in rows],
            "skipped": [
                {"id": a.id, "source": _where(a), "status": a.status, "reason": a.reason}
                for a in skipped
            ],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    elif rows:
        _print_stances(found.claim, rows, by_id)
    if not settings.quiet:
        dup = sum(a.status == "duplicate" for a in skipped)
        counts = {k: sum(s.stance == k for s in rows) for k in _STANCE_ORDER}
        _stderr(
            f"{len(found.articles)} inputs: {len(rows)} analysed, {dup} duplicate, "
            f"{len(skipped) - dup} rejected; stances: "
            + ", ".join(f"{n} {k}" for k, n in counts.items())
        )
        _report_rejections(found.articles, _stderr)
    if not rows:
        _stderr("rashomon: no input could be analysed (see the reasons above).")
        return EXIT_NOTHING
    return EXIT_OK


def _stance_dict(s: ArticleStance, article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "source": _where(article),
        "stance": s.stance,
        "relatedness": s.relatedness,
        "evidence": s.evidence,
        "actor": s.actor,
    }


def _where(article: Article) -> str:
    return article.source.path or article.source.url or article.id


def _print_stances(claim: str, rows: list[ArticleStance], by_id: dict[str, Article]) -> None:
    """One block an article: stance, relatedness, article and outlet, who says the
    evidence; then the evidence sentence, shortened."""
    print(f"claim: {claim}\n")
    print(f"{'STANCE':<10} {'RELATED':>7}  {'ARTICLE':<28} {'OUTLET':<24} SAID BY")
    for s in rows:
        a = by_id[s.article_id]
        said = s.actor or ("the outlet" if s.evidence else "")
        line = (
            f"{s.stance:<10} {s.relatedness:>7.2f}  {_cut(a.id, 28):<28} "
            f"{_cut(a.outlet or '-', 24):<24} {_cut(said, 30)}"
        )
        print(line.rstrip())
        if s.evidence:
            print(f"{'':<20}\u201c{_cut(' '.join(s.evidence.split()), 110)}\u201d")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def _cmd_search(args: argparse.Namespace) -> int:
    import json
    import os

    from rashomon.store import Store

    if not os.path.exists(args.db):
        raise errors.InputError(
            "E008",
            f"No store at {args.db}. Create one with: rashomon ingest INPUT... --db {args.db}",
        )
    with Store(args.db) as store:
        hits = store.search(args.query, args.limit)
    for h in hits:
        if args.json:
            print(json.dumps(h.__dict__, ensure_ascii=False))
        else:
            head = " · ".join(x for x in (h.outlet, h.published, h.title) if x)
            print(f"{h.id}  {head}\n    {h.snippet}")
    if not hits and not args.json:
        _stderr(f"no stored article matches {args.query!r}")
    return EXIT_OK


def _cmd_serve(args: argparse.Namespace) -> int:
    import os

    from rashomon.web import WebSettings, check_binding, serve

    upload = int(args.max_upload_mb * 1_000_000)
    settings = WebSettings(
        db=args.db,
        host=args.host,
        port=args.port,
        token=args.token or os.environ.get("RASHOMON_TOKEN") or None,
        max_upload_bytes=upload,
        max_files=args.max_files,
        max_request_bytes=upload * args.max_files + 1_000_000,
        pipeline=_settings(args, args.db),
    )
    check_binding(settings)
    serve(settings)
    return EXIT_OK


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "analyze": _cmd_analyze,
    "ingest": _cmd_ingest,
    "search": _cmd_search,
    "serve": _cmd_serve,
    "stance": _cmd_stance,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return _COMMANDS[args.command](args)
    except errors.RashomonError as exc:
        _stderr(f"rashomon: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        _stderr("rashomon: interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
