"""Full-text search for the archive: folded, sharded, loaded by ``<script>`` tags.

Build side (Python): ``write_search_index(docs, site_dir)`` after ``mkdocs build``.
Browser side: ``docs/assets/javascripts/archive-search.js`` (same folding and
tokenising rules, checked against this package by the browser tests).
"""
from ..vietnamese.fold import fold
from .index import Layout, PreparedDoc, SearchDoc, prepare, write_search_index
from .reader import IndexReader
from .tokenize import parse_query, tokens

__all__ = ["SearchDoc", "PreparedDoc", "prepare", "write_search_index", "fold", "Layout", "IndexReader", "parse_query", "tokens"]
