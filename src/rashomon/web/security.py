"""The guard in front of every request: security headers on every response, the Host
check (DNS rebinding), the token when one is set, same-origin checks on writes, and a
cap on request bodies. Article text is untrusted; so is every request."""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
from dataclasses import dataclass

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["CSP", "TOKEN_COOKIE", "Guard", "GuardRules", "is_loopback", "token_matches"]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
TOKEN_COOKIE = "rashomon_token"
_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Reachable without the token: the page that takes it.
_OPEN_PATHS = frozenset({"/login"})
_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
_log = logging.getLogger("rashomon.web")


def is_loopback(host: str) -> bool:
    """True for names and addresses only this machine can reach."""
    name = host.strip("[]").lower()
    if name in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def token_matches(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


@dataclass(frozen=True)
class GuardRules:
    token: str | None
    # When bound to loopback, only loopback Host headers are served: a page on another
    # site whose name was re-pointed at 127.0.0.1 must not reach the app.
    loopback_only: bool
    max_body: int


def _host_name(host_header: str) -> str:
    if host_header.startswith("["):
        return host_header[1 : host_header.find("]")] if "]" in host_header else host_header
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


def _cookie(headers: Headers, name: str) -> str | None:
    for part in headers.get("cookie", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def _bearer(headers: Headers) -> str | None:
    scheme, _, value = headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def _cross_site(headers: Headers, scope: Scope) -> bool:
    """True when a browser says the request comes from another site. Clients that are
    not browsers send neither header and pass: no page can make them send anything.

    Sec-Fetch-Site comes first: under `Referrer-Policy: no-referrer` Chromium sends
    `Origin: null` even for a form posted from our own page."""
    site = headers.get("sec-fetch-site")
    if site is not None:
        return site not in ("same-origin", "none")
    origin = headers.get("origin")
    if origin is None:
        return False
    return origin != f"{scope.get('scheme', 'http')}://{headers.get('host', '')}"


class _BodyTooLarge(HTTPException):
    pass


class Guard:
    """ASGI middleware applying `GuardRules` to every HTTP request."""

    def __init__(self, app: ASGIApp, rules: GuardRules) -> None:
        self.app = app
        self.rules = rules

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for key, value in _HEADERS.items():
                    headers[key] = value
            await send(message)

        refusal = self._refusal(scope)
        if refusal is not None:
            status, text = refusal
            await _plain(scope, send_with_headers, status, text)
            return
        try:
            await self.app(scope, self._limited(receive), send_with_headers)
        except Exception:
            # Starlette's own error page is sent outside this middleware, without the
            # headers: answer here, so that no response goes out without them.
            if started:
                raise
            _log.exception("error serving %s", scope.get("path"))
            await _plain(scope, send_with_headers, 500, "Internal error: see the server log.")

    def _refusal(self, scope: Scope) -> tuple[int, str] | None:
        headers = Headers(scope=scope)
        rules = self.rules
        if rules.loopback_only and not is_loopback(_host_name(headers.get("host", ""))):
            return 400, "Unknown host: this server answers only to localhost or 127.0.0.1."
        if rules.token is not None and scope["path"] not in _OPEN_PATHS:
            given = _bearer(headers) or _cookie(headers, TOKEN_COOKIE)
            if not token_matches(given, rules.token):
                return 401, (
                    "A token is required: send 'Authorization: Bearer TOKEN', or open "
                    "/login?token=TOKEN once in the browser."
                )
        if scope["method"] not in _SAFE_METHODS and _cross_site(headers, scope):
            return 403, "Cross-site request refused: submit the form from this server's pages."
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > rules.max_body:
            return 413, _too_large(rules.max_body)
        return None

    def _limited(self, receive: Receive) -> Receive:
        limit = self.rules.max_body
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _BodyTooLarge(413, _too_large(limit))
            return message

        return limited


def _too_large(limit: int) -> str:
    return (
        f"Request too large: over the {limit / 1e6:g} MB limit of one request. "
        "Send fewer or smaller files."
    )


async def _plain(scope: Scope, send: Send, status: int, text: str) -> None:
    """A short answer: JSON ({"detail": ...}) under /api, plain text elsewhere."""
    if scope["path"].startswith("/api"):
        body, ctype = json.dumps({"detail": text}).encode(), "application/json"
    else:
        body, ctype = text.encode(), "text/plain; charset=utf-8"
    headers = [(b"content-type", ctype.encode()), (b"content-length", str(len(body)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
