"""The modules the dashboard's pages import, loaded once when the server starts (``serve.py``).

Loading them takes about half a second. Done at start, it spares the first visitor after a restart
that wait; ``bench/run.py`` loads them the same way before it times a page's first load.
"""

from __future__ import annotations

import importlib
import time

#: the modules the pages import (tests/test_preload.py checks that none is missing)
MODULES = (
    "pandas",
    "pyarrow",
    "duckdb",
    "plotly.graph_objects",
    "kkb.auth",
    "kkb.build",
    "kkb.charts",
    "kkb.classification",
    "kkb.compare",
    "kkb.context",
    "kkb.db",
    "kkb.errors",
    "kkb.explore",
    "kkb.export",
    "kkb.fmt",
    "kkb.geo",
    "kkb.i18n",
    "kkb.indicators",
    "kkb.maps",
    "kkb.ingest",
    "kkb.info",
    "kkb.metrics",
    "kkb.next_class",
    "kkb.overview",
    "kkb.pack",
    "kkb.pace",
    "kkb.palette",
    "kkb.paparan",
    "kkb.paparan_bulk",
    "kkb.paparan_pdf",
    "kkb.plan_pdf",
    "kkb.province_context",
    "kkb.regions",
    "kkb.report",
    "kkb.search",
    "kkb.sentences",
    "kkb.simulate",
    "kkb.slipping",
    "kkb.slides",
    "kkb.store",
    "kkb.view",
)


def load() -> float:
    """Import every module of ``MODULES``; return the seconds it took."""
    start = time.perf_counter()
    for name in MODULES:
        importlib.import_module(name)
    return time.perf_counter() - start
