"""The web app: server-rendered pages (stories, a story, search, add articles) and a
JSON API under /api over one store. Everything shown from an article is escaped by
Jinja2; scripts and styles come only from the app itself (see security.py)."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from importlib import resources
from typing import Annotated, Any, TypeVar

import jinja2
from fastapi import FastAPI, Form, HTTPException, Query, Request, UploadFile
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from rashomon import __version__, errors
from rashomon.model import Article, Story
from rashomon.render.html import REPORT_CSS, REPORT_JS, story_html
from rashomon.settings import Settings
from rashomon.store import SearchHit
from rashomon.web.library import Library, Pasted, Snapshot, Upload
from rashomon.web.security import TOKEN_COOKIE, Guard, GuardRules, is_loopback, token_matches
from rashomon.web.views import disputes

__all__ = ["WebSettings", "check_binding", "create_app", "serve"]


@dataclass(frozen=True)
class WebSettings:
    """How the app serves one store; `pipeline` holds the reading and fetching rules."""

    db: str = "rashomon.db"
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    # One uploaded file, or the pasted text, at most this many bytes.
    max_upload_bytes: int = 5_000_000
    max_files: int = 20
    max_urls: int = 20
    # The whole request body, files and form together.
    max_request_bytes: int = 30_000_000
    pipeline: Settings = field(default_factory=Settings)


def check_binding(settings: WebSettings) -> None:
    """Refuse to serve beyond this machine without a token."""
    if not is_loopback(settings.host) and not settings.token:
        raise errors.serve_needs_token(settings.host)


class AddForm(BaseModel):
    """The add form, for the page and the API alike."""

    files: list[UploadFile] = Field(default=[], description="article files, any readable format")
    text: str = Field(default="", description="pasted article text")
    title: str = Field(default="", description="title of the pasted text")
    outlet: str = Field(default="", description="outlet of the pasted text")
    published: str = Field(default="", description="publication date of the pasted text")
    urls: str = Field(default="", description="http(s) URLs to fetch, one per line")


class StoryItem(BaseModel):
    id: str
    headline: str | None
    first_published: str | None
    last_published: str | None
    article_ids: list[str]
    sources: int
    disputes: int


@dataclass(frozen=True)
class SearchResult(SearchHit):
    """A search hit and the story its article belongs to (None for a duplicate)."""

    story_id: str | None = None


class AddedArticle(BaseModel):
    id: str
    status: str
    reason: str | None
    duplicate_of: str | None
    title: str | None
    outlet: str | None
    story_id: str | None


class AddResult(BaseModel):
    added: int
    articles: list[AddedArticle]


def _marked(snippet: str) -> Markup:
    """A search snippet with its matches ([...] from the store) in <mark>, the rest
    escaped first so that nothing from the article becomes markup."""
    return Markup(str(escape(snippet)).replace("[", "<mark>").replace("]", "</mark>"))


def _web_url(url: str | None) -> str:
    """An article's URL as a link target only when it is http(s): a javascript: or
    data: URL in untrusted metadata must not become a link."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return "#"


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("rashomon.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    env.filters["marked"] = _marked
    env.filters["web_url"] = _web_url
    return env


_CSS, _JS = "text/css; charset=utf-8", "text/javascript; charset=utf-8"


def _static_files() -> dict[str, tuple[bytes, str]]:
    """The app's stylesheet and the HTML report's own style and script (its views work
    the same here), held in memory by name: no request path reaches the file system."""
    own = resources.files("rashomon.web").joinpath("static", "app.css").read_bytes()
    return {
        "app.css": (own, _CSS),
        "report.css": (REPORT_CSS.encode("utf-8"), _CSS),
        "report.js": (REPORT_JS.encode("utf-8"), _JS),
    }


def _story_item(story: Story) -> StoryItem:
    return StoryItem(
        id=story.id,
        headline=story.headline,
        first_published=story.first_published,
        last_published=story.last_published,
        article_ids=list(story.article_ids),
        sources=len(story.article_ids),
        disputes=disputes(story),
    )


def _added(article: Article, snap: Snapshot) -> AddedArticle:
    known = {
        name: getattr(article, name) for name in AddedArticle.model_fields if name != "story_id"
    }
    return AddedArticle(**known, story_id=snap.story_of.get(article.id))


_T = TypeVar("_T")


def _found(items: dict[str, _T], key: str, what: str) -> _T:
    if key not in items:
        raise HTTPException(404, f"No {what} by this id in the store.")
    return items[key]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def create_app(settings: WebSettings) -> FastAPI:
    """The app over `settings.db`; serve it with uvicorn (or `serve`)."""
    library = Library(settings.db, settings.pipeline)
    env = _templates()
    static = _static_files()
    app = FastAPI(
        title="rashomon",
        version=__version__,
        description="Who claims what, across news articles about the same events. "
        "Stories, articles and search as JSON; POST /api/articles adds articles.",
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(
        Guard,
        rules=GuardRules(
            token=settings.token,
            loopback_only=is_loopback(settings.host),
            max_body=settings.max_request_bytes,
        ),
    )

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("q", "")
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api"):
            return await http_exception_handler(request, exc)
        return page("message.html", exc.status_code, title="Error", message=str(exc.detail))

    def find_story(story_id: str) -> tuple[Snapshot, Story]:
        snap = library.snapshot()
        return snap, _found(snap.stories, story_id, "story")

    def find_article(article_id: str) -> tuple[Snapshot, Article]:
        snap = library.snapshot()
        return snap, _found(snap.articles, article_id, "article")

    async def read_inputs(form: AddForm) -> tuple[list[Upload], Pasted | None, list[str]]:
        chosen = [f for f in form.files if f.filename or (f.size or 0) > 0]
        if len(chosen) > settings.max_files:
            raise HTTPException(
                413, f"Too many files: {len(chosen)} sent, at most {settings.max_files} at once."
            )
        uploads = []
        for f in chosen:
            data = await f.read(settings.max_upload_bytes + 1)
            if len(data) > settings.max_upload_bytes:
                raise HTTPException(
                    413,
                    f"File too large: {f.filename or 'a file'} is over the "
                    f"{settings.max_upload_bytes / 1e6:g} MB limit of one upload.",
                )
            uploads.append(Upload(f.filename or "upload", data, f.content_type))
        if len(form.text.encode("utf-8")) > settings.max_upload_bytes:
            raise HTTPException(
                413,
                f"Pasted text too large: over the {settings.max_upload_bytes / 1e6:g} MB limit.",
            )
        url_list = _lines(form.urls)
        if len(url_list) > settings.max_urls:
            raise HTTPException(
                413, f"Too many URLs: {len(url_list)} sent, at most {settings.max_urls} at once."
            )
        pasted = Pasted(
            form.text,
            form.title.strip() or None,
            form.outlet.strip() or None,
            form.published or None,
        )
        return uploads, pasted if form.text.strip() else None, url_list

    async def add(form: AddForm) -> tuple[list[Article], Snapshot]:
        uploads, pasted, url_list = await read_inputs(form)
        if not uploads and pasted is None and not url_list:
            raise HTTPException(400, "Nothing to add: give files, pasted text or URLs.")
        added = await run_in_threadpool(library.add, uploads, pasted, url_list)
        snap = await run_in_threadpool(library.snapshot)
        return added, snap

    @app.get("/static/{name}", include_in_schema=False)
    def static_file(name: str) -> Response:
        if name not in static:
            raise HTTPException(404, "No such file.")
        body, media_type = static[name]
        return Response(body, media_type=media_type, headers={"cache-control": "no-cache"})

    @app.get("/login", include_in_schema=False)
    def login(token: str = "") -> Response:
        if settings.token is None:
            return RedirectResponse("/", 303)
        if not token_matches(token, settings.token):
            return page("message.html", 401, title="Wrong token", message="That token is wrong.")
        response = RedirectResponse("/", 303)
        response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        snap = library.snapshot()
        counts = snap.report.counts()
        items = [_story_item(s) for s in snap.report.stories]
        return page("index.html", title="Stories", stories=items, counts=counts)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        snap, story = find_story(story_id)
        html = snap.pages.get(story_id)
        if html is None:
            members = {aid: snap.articles[aid].to_dict() for aid in story.article_ids}
            html = env.get_template("story.html").render(
                title=story.headline or story.id,
                q="",
                story=_story_item(story),
                views=Markup(story_html(story.to_dict(), members)),
            )
            snap.pages[story_id] = html
        return HTMLResponse(html)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        snap, article = find_article(article_id)
        return page(
            "article.html",
            title=article.title or article.id,
            article=article,
            story_id=snap.story_of.get(article.id),
        )

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = "") -> HTMLResponse:
        hits = api_search(q) if q.strip() else []
        return page("search.html", title="Search", q=q, hits=hits)

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_form() -> HTMLResponse:
        return page("add.html", title="Add articles", settings=settings)

    @app.post("/add", response_class=HTMLResponse, include_in_schema=False)
    async def add_page(form: Annotated[AddForm, Form()]) -> HTMLResponse:
        added, snap = await add(form)
        return page("added.html", title="Added", articles=[_added(a, snap) for a in added])

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        return page("docs.html", title="API", spec=app.openapi())

    @app.get("/api/stories", summary="Every story: headline, dates, sources, disputes")
    def api_stories() -> list[StoryItem]:
        return [_story_item(s) for s in library.snapshot().report.stories]

    @app.get("/api/stories/{story_id}", summary="One story, in the report contract's shape")
    def api_story(story_id: str) -> dict[str, Any]:
        return find_story(story_id)[1].to_dict()

    @app.get("/api/articles/{article_id}", summary="One stored article, with its story's id")
    def api_article(article_id: str) -> dict[str, Any]:
        snap, article = find_article(article_id)
        return dict(article.to_dict(), story_id=snap.story_of.get(article_id))

    @app.get("/api/search", summary="Full-text search of titles and bodies")
    def api_search(
        q: Annotated[str, Query(description='words, "phrases", AND/OR/NOT, prefix*')],
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
    ) -> list[SearchResult]:
        story_of = library.snapshot().story_of
        return [
            SearchResult(**asdict(h), story_id=story_of.get(h.id)) for h in library.search(q, limit)
        ]

    @app.post("/api/articles", summary="Add articles: files, pasted text and/or URLs")
    async def api_add(form: Annotated[AddForm, Form()]) -> AddResult:
        added, snap = await add(form)
        return AddResult(
            added=sum(1 for a in added if a.status == "ok"),
            articles=[_added(a, snap) for a in added],
        )

    return app


def serve(settings: WebSettings) -> None:
    """Serve the app with uvicorn until interrupted."""
    check_binding(settings)
    import uvicorn

    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        server_header=False,
        log_level=os.environ.get("RASHOMON_LOG_LEVEL", "info"),
    )
