"""Fetching a URL the user gave (or a feed item's link), carefully: http(s) only,
timeouts, a size cap enforced while streaming, a content-type check, redirects
followed by hand and checked at every hop, and no private, loopback or otherwise
internal address unless the user allows it."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

import httpx

from rashomon.ingest.registry import Fetched
from rashomon.settings import Settings

__all__ = ["FetchError", "check_address", "fetch"]

# Content types an article, a feed, a record file or an archive can come as.
_ACCEPTED = (
    "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown",
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/json", "application/x-ndjson", "application/jsonl",
    "application/ld+json", "text/csv", "text/tab-separated-values", "application/warc",
)  # fmt: skip
# Generic binary types, accepted only when the URL's path names a format we read.
_GENERIC = (
    "application/octet-stream",
    "application/gzip",
    "application/x-gzip",
    "binary/octet-stream",
)
_KNOWN_SUFFIXES = (
    ".warc",
    ".warc.gz",
    ".gz",
    ".jsonl",
    ".json",
    ".csv",
    ".txt",
    ".md",
    ".rss",
    ".xml",
)


class FetchError(Exception):
    """A URL could not be used; the message is the reason shown to the user."""


def _blocked(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for label, flag in (
        ("a loopback", ip.is_loopback),
        ("a private", ip.is_private),
        ("a link-local", ip.is_link_local),
        ("a multicast", ip.is_multicast),
        ("a reserved", ip.is_reserved),
        ("an unspecified", ip.is_unspecified),
    ):
        if flag:
            return label
    return None


def check_address(url: str, settings: Settings) -> None:
    """Raise FetchError unless `url` is http(s) and its host resolves only to public
    addresses (or private ones are allowed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(
            f"blocked URL: only http and https are fetched, not {parts.scheme or '?'}:"
        )
    host = parts.hostname
    if not host:
        raise FetchError("blocked URL: it has no host name")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError("blocked URL: its port is not a number") from None
    if settings.allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"fetch failed: the host {host} could not be resolved ({exc})") from None
    for info in infos:
        address = str(info[4][0])
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        kind = _blocked(ip)
        if kind is not None:
            raise FetchError(
                f"blocked URL: {host} resolves to {ip}, {kind} address; pass --allow-private "
                "to fetch it"
            )


def _content_type_ok(content_type: str, url: str) -> bool:
    ctype = content_type.split(";", 1)[0].strip().lower()
    if not ctype or ctype in _ACCEPTED or ctype.endswith("+xml"):
        return True
    path = urlsplit(url).path.lower()
    return ctype in _GENERIC and path.endswith(_KNOWN_SUFFIXES)


def fetch(url: str, settings: Settings) -> Fetched:
    """Fetch `url` within the settings' limits; raises FetchError with the reason.

    Every hop is checked before it is requested. The check resolves the host itself,
    so a DNS answer that changes between the check and the connection (rebinding)
    is not caught; the window is one request, and --allow-private is off by default.
    """
    timeout = httpx.Timeout(settings.timeout, connect=min(settings.timeout, 10.0))
    headers = {
        "User-Agent": settings.user_agent,
        "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
    }
    current = url
    with httpx.Client(timeout=timeout, follow_redirects=False, headers=headers) as client:
        for _ in range(settings.max_redirects + 1):
            check_address(current, settings)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(
                                f"fetch failed: HTTP {response.status_code} without a Location"
                            )
                        current = urljoin(current, location)
                        continue
                    return _read(response, current, settings)
            except httpx.TimeoutException:
                raise FetchError(f"fetch failed: timed out after {settings.timeout:g} s") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"fetch failed: {type(exc).__name__}: {exc}") from None
    raise FetchError(f"fetch failed: more than {settings.max_redirects} redirects")


def _read(response: httpx.Response, url: str, settings: Settings) -> Fetched:
    if response.status_code >= 400:
        raise FetchError(
            f"fetch failed: HTTP {response.status_code} {response.reason_phrase}".rstrip()
        )
    content_type = response.headers.get("content-type", "")
    if not _content_type_ok(content_type, url):
        raise FetchError(
            f"unsupported content type: {content_type.split(';')[0]}, "
            "not an article, feed or archive"
        )
    limit = settings.max_bytes
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(
            f"too large: {int(declared) / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB limit"
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchError(
                f"too large: over the {limit / 1e6:.1f} MB limit (raise max_bytes to read it)"
            )
        chunks.append(chunk)
    return Fetched(url=url, content=b"".join(chunks), content_type=content_type or None)
