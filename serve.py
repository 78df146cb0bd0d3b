"""Start the dashboard with what its pages import already loaded: ``streamlit run serve.py``.

Streamlit still runs ``app.py`` for every visitor; this file only wraps it in ``st.App`` with a
start-up step (``kkb.preload``). Without it, the first visitor after a (re)start waits about half a
second longer than anyone after, while pandas, plotly, DuckDB and our modules load (bench/README.md).
``make run`` uses it; ``streamlit run app.py`` works as well, without the warm start.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import streamlit as st

from kkb import preload


@asynccontextmanager
async def _loaded(app: st.App) -> AsyncIterator[None]:
    """Load what the pages import before the server takes its first visitor."""
    preload.load()
    yield


app = st.App("app.py", lifespan=_loaded)
