"""Kampung KB Dashboard: page config, first-run database build, and the data overview."""

from __future__ import annotations

import threading
from pathlib import Path

import streamlit as st

from kkb import build, db, info
from kkb.errors import KkbError
from kkb.i18n import t

st.set_page_config(page_title="Dasbor Kampung KB", page_icon="🏡", layout="wide")

_BUILD_LOCK = threading.Lock()


def ensure_database() -> Path:
    """Build the DuckDB file on first start (one build per process), showing its progress."""
    path = db.default_db_path()
    if path.exists():
        return path
    with _BUILD_LOCK:
        if not path.exists():
            bar = st.progress(0.0, text="Menyiapkan basis data untuk pertama kali…")
            build.build(path, progress=lambda f, m: bar.progress(min(max(f, 0.0), 1.0), text=m))
            bar.empty()
    return path


@st.cache_resource
def connection(path: str) -> db.Connection:
    return db.connect(path)


lang = st.query_params.get("lang", "id")
st.title(t("app_title", lang))
st.caption(t("app_subtitle", lang))
try:
    path = ensure_database()
    con = connection(str(path))
    overview = info.summary(con)
    if int(str(overview["kampung_kb_sintetis"])) > 0:
        st.warning(t("synthetic_notice", lang), icon="⚠️")
    st.code(info.describe(con, path), language=None)
except KkbError as exc:
    st.error(str(exc))
