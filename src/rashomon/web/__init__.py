"""The web app (`rashomon serve`): browse the stories of a store, search it, add
articles to it, over server-rendered pages and a JSON API."""

from rashomon.web.app import WebSettings, check_binding, create_app, serve

__all__ = ["WebSettings", "check_binding", "create_app", "serve"]
