"""NLP: the spaCy model loaded once per process, and each article parsed once into an
`ArticleAnalysis` that every later stage reads (cached in the store by content hash
and pipeline version, so a re-run does no NLP)."""

from rashomon.nlp.analysis import analyze_articles, pipeline_version
from rashomon.nlp.models import load_nlp

__all__ = ["analyze_articles", "load_nlp", "pipeline_version"]
