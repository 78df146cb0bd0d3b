"""Start the dashboard with what its pages import already loaded: ``streamlit run serve.py``.

Streamlit still runs ``app.py`` for every visitor; this file only wraps it in ``st.App`` with a
start-up step: ``kkb.preload`` loads the modules, and the Chromium for downloads starts. Without
it, the first visitor after a (re)start waits about half a second longer than anyone after, while
pandas, plotly, DuckDB and our modules load (bench/README.md), and the first chart download about
two seconds. ``make run`` uses it; ``streamlit run app.py`` works as well, without the warm start.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import streamlit as st

from kkb import export, preload


@asynccontextmanager
async def _loaded(app: st.App) -> AsyncIterator[None]:
    """Load what the pages import before the server takes its first visitor.

    The Chromium that draws chart downloads and briefing packs starts beside it, on a thread of its
    own, so that the first PNG or SVG is as quick as the rest (0.2 s instead of about 2 s).
    """
    threading.Thread(target=export.warm, daemon=True, name="chromium").start()
    preload.load()
    yield


app = st.App("app.py", lifespan=_loaded)
