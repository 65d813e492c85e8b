"""One module per input format; importing this package registers them all."""

from rashomon.ingest.readers import feed, html, structured, text, warc

__all__ = ["feed", "html", "structured", "text", "warc"]
