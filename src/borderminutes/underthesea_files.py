"""Parts of underthesea read from its package folder, without importing the package.

``import underthesea`` loads every one of its pipelines (about 0.3 s of start-up, paid
by every process), while most articles need only two small parts of it: the sentence
splitter (one module of the standard library alone, with its abbreviations) and the
word list of its word segmenter. Both are found in the installed package's folder. Its
POS tagger, which rare sentences need, is imported as usual (``fields/names.py``).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

PACKAGE = "underthesea"


def package_file(*parts: str) -> Path | None:
    """A file of the installed underthesea package; None if the package or the file is not there."""
    spec = importlib.util.find_spec(PACKAGE)
    folders = list(spec.submodule_search_locations or []) if spec else []
    found = [Path(folder, *parts) for folder in folders if Path(folder, *parts).is_file()]
    return found[0] if found else None


def sentence_splitter() -> ModuleType:
    """underthesea's ``pipeline/sent_tokenize`` module (``sent_tokenize``, and the abbreviations it
    loads on first call). Run on its own from its file; should a release give it imports of the
    package's own, it is imported with the package instead."""
    path = package_file("pipeline", "sent_tokenize", "__init__.py")
    if path is not None:
        # A top-level name: a relative import in the file fails (and falls back) instead of reaching ours.
        spec = importlib.util.spec_from_file_location(f"_borderminutes_{PACKAGE}_sent_tokenize", path)
        assert spec is not None and spec.loader is not None  # a ".py" file: the source loader takes it
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
            return module
        except ImportError:
            pass
    return importlib.import_module(f"{PACKAGE}.pipeline.sent_tokenize")
