"""Start the dashboard with what its pages import already loaded: ``streamlit run serve.py``.

Streamlit still runs ``app.py`` for every visitor; this file only wraps it in ``st.App`` with a
start-up step: ``kkb.preload`` loads the modules, and the Chromium for downloads starts. Without
it, the first visitor after a (re)start waits about half a second longer than anyone after, while
pandas, plotly, DuckDB and our modules load (bench/README.md), and the first chart download about
two seconds. ``make run`` uses it; ``streamlit run app.py`` works as well, without the warm start.
"""

from __future__ import annotations

import ctypes
import gc
import threading
import time
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
    gc.freeze()  # what start-up loaded stays: no collection walks it again
    threading.Thread(target=_tidy, daemon=True, name="tidy").start()
    yield


#: how often the server gives back what closed sessions left (``_tidy``)
TIDY_SECONDS = 60.0


def _tidy() -> None:
    """Every minute, collect what closed sessions left and give the freed memory back to the system.

    Streamlit's collection after every script run is off (``.streamlit/config.toml``: it held the
    server three quarters of the time with many sessions); Python's own collector still runs, and
    this one, over what is not frozen, takes a few milliseconds. glibc's ``malloc_trim`` returns
    the freed heap that Python's allocator would otherwise keep (bench/README.md).
    """
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except OSError:  # not glibc: collecting is all there is
        trim = None
    while True:
        time.sleep(TIDY_SECONDS)
        gc.collect()
        if trim is not None:
            trim(0)


app = st.App("app.py", lifespan=_loaded)
