"""Build every input format of the Saltmarsh example from the hand-written articles in
text/ and the metadata in annotations.json. Deterministic: running it twice gives
byte-identical files.

    .venv/bin/python examples/saltmarsh-2025/build.py
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANN = json.loads((HERE / "annotations.json").read_text(encoding="utf-8"))
ARTICLES: dict[str, dict] = ANN["articles"]
CRAWL_DATE = "2025-03-18T06:00:00Z"


def source_file(stem: str) -> Path:
    return next(p for p in (HERE / "text").glob(stem + ".*"))


def body_paragraphs(stem: str) -> list[str]:
    """The article's own paragraphs: the text file without its title, header lines and
    furniture (all named in the annotations)."""
    a = ARTICLES[stem]
    skip = {f["text"] for f in a["furniture"]}
    out = []
    for block in source_file(stem).read_text(encoding="utf-8").split("\n"):
        line = block.strip()
        if not line or line in skip or line.lstrip("# ") == a["title"]:
            continue
        if out and line == out[0]:  # a repeated standfirst
            continue
        out.append(line)
    return out


def published(stem: str) -> str | None:
    return ARTICLES[stem]["published"] or ARTICLES[stem]["site"].get("published")


def page_url(stem: str) -> str:
    a = ARTICLES[stem]
    return a["url"] or f"https://{a['site']['domain']}/news/{stem[3:]}"


# Each outlet's site has its own markup, as real sites do.
TEMPLATES = [
    (
        '<div class="site-header"><a href="/">{site}</a><nav><ul><li><a href="/world">World</a></li>'
        '<li><a href="/politics">Politics</a></li><li><a href="/about">About us</a></li></ul></nav></div>'
        '<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all cookies</button></div>'
        '<main><article class="story"><h1 class="headline">{title}</h1>'
        '<p class="byline">{byline}</p><div class="story-body">{body}</div>'
        '<div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>'
        "</article></main>"
        '<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ferry services resume on the coast</a></li>'
        '<li><a href="/b">Election campaign enters final week</a></li></ul></aside>'
        '<footer><p>&copy; 2025 {site}. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>'
    ),
    (
        '<header id="top"><div class="logo">{site}</div><ul class="menu"><li>Home</li><li>News</li>'
        "<li>Opinion</li><li>Contact</li></ul></header>"
        '<div id="content"><div class="post"><h2 class="post-title">{title}</h2>'
        '<span class="post-meta">{byline}</span><div class="entry-content">{body}</div></div>'
        '<div class="newsletter">Get our newsletter in your inbox every morning. <input type="email"></div>'
        '<div id="sidebar"><h4>Most read</h4><ol><li>Weather warning for the weekend</li>'
        "<li>Harbour fees to rise</li><li>School results published</li></ol></div></div>"
        '<div id="footer">{site} | Terms of use | Contact us</div>'
    ),
    (
        '<div class="topbar"><span>Menu</span><span>Search</span><span>Subscribe</span></div>'
        '<section class="main"><h1>{title}</h1><div class="meta"><time>{date}</time> {byline}</div>'
        '<div class="text">{body}</div>'
        '<ul class="tags"><li>Saltmarsh</li><li>Coast</li></ul></section>'
        '<section class="more"><h3>More from {site}</h3><div class="card">Ministers meet in Dornholt</div>'
        '<div class="card">Port strike called off</div></section>'
        '<div class="legal">Reproduction only with permission. &copy; {site} 2025</div>'
    ),
]


def html_page(stem: str, n: int) -> str:
    a = ARTICLES[stem]
    site = a["site"]
    date = published(stem)
    authors = site.get("authors") or a["authors"]
    byline = ("By " + " and ".join(authors)) if authors else ""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a["title"],
        "publisher": {"@type": "Organization", "name": site["name"]},
        "author": [{"@type": "Person", "name": x} for x in authors],
    }
    if date:
        ld["datePublished"] = date
    if a["tags"]:
        ld["keywords"] = ", ".join(a["tags"])
    head = (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(a['title'])} | {escape(site['name'])}</title>"
        f'<meta property="og:title" content="{escape(a["title"])}">'
        f'<meta property="og:site_name" content="{escape(site["name"])}">'
        f'<link rel="canonical" href="{escape(page_url(stem))}">'
        + (
            f'<meta property="article:published_time" content="{date}T08:00:00Z">'
            if date and n % 2
            else ""
        )
        + f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
        "</head><body>"
    )
    body = "".join(f"<p>{escape(p)}</p>" for p in body_paragraphs(stem))
    html = TEMPLATES[n % len(TEMPLATES)].format(
        site=escape(site["name"]), title=escape(a["title"]), byline=escape(byline),
        body=body, date=date or "",
    )  # fmt: skip
    return head + html + "</body></html>\n"


def record(stem: str, style: int) -> dict:
    a = ARTICLES[stem]
    text = "\n\n".join(body_paragraphs(stem))
    authors = a["site"].get("authors") or a["authors"]
    if style % 2 == 0:
        return {
            "id": stem, "title": a["title"], "text": text, "url": page_url(stem),
            "published": published(stem), "source": a["site"]["name"], "author": ", ".join(authors),
        }  # fmt: skip
    return {
        "guid": stem, "headline": a["title"], "body": text, "link": page_url(stem),
        "pubDate": published(stem), "outlet": {"name": a["site"]["name"]},
        "authors": [{"name": x} for x in authors],
    }  # fmt: skip


def rfc822(date: str | None) -> str:
    if not date:
        return ""
    from datetime import datetime

    d = datetime.strptime(date, "%Y-%m-%d")
    return d.strftime("%a, %d %b %Y 08:00:00 +0000")


def rss(stems: list[str]) -> str:
    items = []
    for stem in stems:
        a = ARTICLES[stem]
        body = "".join(f"<p>{escape(p)}</p>" for p in body_paragraphs(stem))
        items.append(
            f"<item><title>{escape(a['title'])}</title><link>{escape(page_url(stem))}</link>"
            f"<guid>{escape(page_url(stem))}</guid><pubDate>{rfc822(published(stem))}</pubDate>"
            f"<description>{escape(body_paragraphs(stem)[0])}</description>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Coast news digest</title><link>https://coastdigest.example/</link>"
        "<description>Stories from the coast</description><language>en</language>"
        + "".join(items)
        + "</channel></rss>\n"
    )


def atom(stems: list[str]) -> str:
    entries = []
    for stem in stems:
        a = ARTICLES[stem]
        body = "".join(f"<p>{escape(p)}</p>" for p in body_paragraphs(stem))
        authors = "".join(
            f"<author><name>{escape(x)}</name></author>"
            for x in a["site"].get("authors") or a["authors"]
        )
        entries.append(
            f"<entry><title>{escape(a['title'])}</title>"
            f'<link href="{escape(page_url(stem))}"/><id>{escape(page_url(stem))}</id>'
            f"<updated>{published(stem) or '2025-03-18'}T08:00:00Z</updated>{authors}"
            f'<content type="html">{escape(body)}</content></entry>'
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Coast news digest (Atom)</title><id>https://coastdigest.example/atom</id>"
        "<updated>2025-03-18T06:00:00Z</updated>" + "".join(entries) + "</feed>\n"
    )


def warc(stems: list[str], extra_png: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)

    def response(url: str, ctype: str, payload: bytes, n: int) -> None:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        headers = {
            "WARC-Date": CRAWL_DATE,
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>",
        }
        rec = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=http,
            warc_headers_dict=headers,
        )  # fmt: skip
        req_headers = {
            "WARC-Date": CRAWL_DATE,
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-9000-{n:012d}>",
        }
        req = writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "example")], is_http_request=True),
            warc_headers_dict=req_headers,
        )  # fmt: skip
        writer.write_record(req)
        writer.write_record(rec)

    for n, stem in enumerate(stems):
        response(page_url(stem), "text/html; charset=utf-8", html_page(stem, n).encode("utf-8"), n)
    if extra_png:
        png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
        response("https://coastdigest.example/logo.png", "image/png", png, 999)
    return out.getvalue()


def write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="\n")
    else:
        path.write_bytes(data)


def main() -> None:
    stems = sorted(ARTICLES)
    for folder in ("html", "records", "feeds", "warc", "mixed"):
        shutil.rmtree(HERE / folder, ignore_errors=True)
    for n, stem in enumerate(stems):
        write(HERE / "html" / f"{stem}.html", html_page(stem, n))
    records = [record(s, n) for n, s in enumerate(stems)]
    write(
        HERE / "records" / "articles.jsonl",
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
    )
    write(
        HERE / "records" / "articles.json",
        json.dumps({"articles": records}, ensure_ascii=False, indent=2) + "\n",
    )
    buf = io.StringIO()
    w = csv.DictWriter(
        buf,
        fieldnames=["id", "title", "text", "url", "published", "source", "author"],
        lineterminator="\n",
    )
    w.writeheader()
    for n, s in enumerate(stems):
        w.writerow(record(s, 2 * n))
    write(HERE / "records" / "articles.csv", buf.getvalue())
    write(HERE / "feeds" / "feed.rss", rss(stems))
    write(HERE / "feeds" / "feed.atom", atom(stems))
    write(HERE / "warc" / "crawl.warc.gz", warc(stems, extra_png=True))

    # The demo input: each article once, spread over the formats, plus bad inputs.
    mixed = HERE / "mixed"
    plan = {
        "01-meridian-wire": "txt", "02-tarvonia-mfa": "md", "03-belmark-broadcasting": "html",
        "04-harbour-institute": "txt", "05-daily-clarion": "warc", "06-saltmarsh-courier": "txt",
        "07-osterland-herald": "rss", "08-coastline-news": "jsonl", "09-valley-times": "csv",
    }  # fmt: skip
    where: dict[str, object] = {}
    for n, (stem, fmt) in enumerate(plan.items()):
        if fmt in ("txt", "md"):
            name = f"{stem}.{fmt}"
            write(mixed / name, source_file(stem).read_text(encoding="utf-8"))
        elif fmt == "html":
            name = f"{stem}.html"
            write(mixed / name, html_page(stem, n))
        elif fmt == "warc":
            name = "crawl.warc.gz"
            write(mixed / name, warc([stem], extra_png=False))
        elif fmt == "rss":
            name = "digest.rss"
            write(mixed / name, rss([stem]))
        elif fmt == "jsonl":
            name = "syndicated.jsonl"
            write(mixed / name, json.dumps(record(stem, 1), ensure_ascii=False) + "\n")
        else:
            name = "regional.csv"
            b = io.StringIO()
            cw = csv.DictWriter(b, fieldnames=list(record(stem, 0)), lineterminator="\n")
            cw.writeheader()
            cw.writerow(record(stem, 0))
            write(mixed / name, b.getvalue())
        where[name] = stem
    write(mixed / "empty.txt", "")
    write(mixed / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(
        mixed / "cookie-notice.html",
        '<!DOCTYPE html><html><head><title>Cookies</title></head><body><div class="cookie-banner">'
        "We use cookies. <button>Accept all cookies</button> <a href='/privacy'>Privacy policy</a>"
        "</div></body></html>\n",
    )
    where["empty.txt"] = {"expected_status": "rejected", "why": "empty file"}
    where["photo.png"] = {"expected_status": "rejected", "why": "binary data"}
    where["cookie-notice.html"] = {"expected_status": "rejected", "why": "no article body"}
    ANN["mixed"] = where
    write(HERE / "annotations.json", json.dumps(ANN, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
