"""The JSON report: the public contract, written deterministically."""

from __future__ import annotations

from rashomon.render import register_renderer
from rashomon.report import Report


@register_renderer("json", extensions=(".json",))
def render_json(report: Report) -> str:
    return report.to_json(indent=2)
