"""Every failure a user can meet, numbered, each saying what to do next.

A bad input is never an exception: it becomes a rejected article with a reason.
These are for failures of a whole run: bad usage, a missing model, a broken store.
"""

from __future__ import annotations


class RashomonError(Exception):
    """Base of every error rashomon raises on purpose; the CLI prints it as one line."""

    exit_code = 1

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code


class InputError(RashomonError):
    """The inputs as given cannot be used at all (none exist, unknown format asked for)."""

    exit_code = 2


class ModelError(RashomonError):
    """An NLP model the run needs is not installed."""

    exit_code = 1


class StoreError(RashomonError):
    """The SQLite store cannot be opened, read or written."""

    exit_code = 1


class ConfigError(RashomonError):
    """A settings file or option value is invalid."""

    exit_code = 2


def no_inputs() -> InputError:
    return InputError("E001", "No inputs given. Try: rashomon analyze path/to/articles/")


def input_not_found(name: str) -> InputError:
    return InputError(
        "E002",
        f"Input not found: {name!r}. Give an existing file, directory, glob, URL or '-' for stdin.",
    )


def empty_claim(claim: str) -> InputError:
    return InputError(
        "E015",
        f"The claim {claim!r} has no words to look for (names, nouns, verbs). Give the claim "
        'as a sentence, e.g. rashomon stance "Turkey sent fighters to Karabakh" news/',
    )


def unknown_format(fmt: str, known: list[str]) -> InputError:
    return InputError("E003", f"Unknown format {fmt!r}. Known formats: {', '.join(known)}.")


def unknown_output_format(fmt: str, known: list[str]) -> ConfigError:
    return ConfigError(
        "E004", f"Unknown output format {fmt!r}. Use one of: {', '.join(known)} (--format)."
    )


def folder_output_needed(fmt: str, path: str | None = None) -> ConfigError:
    where = f" ({path} is a file)" if path else ""
    return ConfigError(
        "E011",
        f"--format {fmt} writes one file per table into a folder{where}. Give a folder: -o tables/",
    )


def missing_package(package: str, purpose: str) -> ModelError:
    return ModelError("E012", f"{purpose} need the {package} package. Try: pip install {package}")


def bad_config(path: str, detail: str) -> ConfigError:
    return ConfigError("E005", f"Settings file {path} is invalid: {detail}")


def store_unavailable(path: str, detail: str) -> StoreError:
    return StoreError(
        "E010",
        f"Cannot use the store {path}: {detail}. Check the path and its permissions, "
        "or pass another file with --db.",
    )


def bad_setting(name: str, detail: str) -> ConfigError:
    return ConfigError("E009", f"The setting {name} {detail}. Change it in --config or the option.")


class LLMError(RashomonError):
    """The language model endpoint asked for with --llm did not give a usable answer."""

    exit_code = 1


def llm_unavailable(url: str, detail: str) -> LLMError:
    return LLMError(
        "E014",
        f"The language model at {url} gave no usable answer: {detail}. Check that an "
        "OpenAI-compatible server (llama.cpp, vLLM, Ollama) is running there, or run "
        "without --llm: the summary does not need it.",
    )


def serve_needs_token(host: str) -> ConfigError:
    return ConfigError(
        "E013",
        f"Refusing to serve on {host} without a token: anyone who can reach that address "
        "could read and add articles. Pass --token TOKEN (or set RASHOMON_TOKEN), or bind "
        "to 127.0.0.1.",
    )
