"""Kelola data: import templates, the import history, and (for the admin) import and undo."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from kkb import ingest
from kkb.i18n import t
from pages import _admin as admin
from pages import _cache as cache
from pages import _render as render
from pages import _state as state
from pages import _tables as tables

v = state.view()
st.title(t("page_kelola", v.lang))
st.markdown(t("kelola_intro", v.lang))

st.subheader(t("kelola_templates", v.lang))


@st.cache_data(show_spinner=False)
def _template(kind: str, suffix: str) -> bytes:
    """A template file's bytes (made once per server, not on every rerun)."""
    write = ingest.write_targets_template if kind == "target" else ingest.write_template
    with tempfile.TemporaryDirectory() as folder:
        return write(Path(folder) / f"templat{suffix}").read_bytes()


for kind, stem in (("kampung", "templat_impor_kampung_kb"), ("target", "templat_target")):
    csv_col, xlsx_col, _ = st.columns([1, 2, 2])
    label = "template" if kind == "kampung" else "template_targets"
    csv_col.download_button(t(f"{label}_csv", v.lang), _template(kind, ".csv"), f"{stem}.csv", "text/csv")
    xlsx_col.download_button(
        t(f"{label}_xlsx", v.lang), _template(kind, ".xlsx"), f"{stem}.xlsx", render.XLSX
    )
with st.expander(t("template_columns", v.lang)):
    st.dataframe(ingest.help_frame(), hide_index=True)

st.subheader(t("kelola_history", v.lang))
log = ingest.history(cache.connection())
if log.empty:
    st.caption(t("kelola_no_imports", v.lang))
else:
    tables.import_log(v, log, hashes=True)

learned = ingest.learned_names(cache.connection())
if not learned.empty:
    # what a file with codes taught about names (New SIGA's recap), so the next name-only file agrees
    with st.expander(t("learned_title", v.lang, n=render.number(len(learned), v))):
        st.caption(t("learned_help", v.lang))
        # a table cell is text, never markdown: the names are shown as stored
        shown = learned.assign(tingkat=[t(f"level_{int(x)}", v.lang) for x in learned["tingkat"]])
        st.dataframe(
            shown,
            hide_index=True,
            column_config={
                "import_id": t("import_number", v.lang),
                "tingkat": t("learned_level", v.lang),
                "wilayah_induk": t("learned_parent", v.lang),
                "nama_di_berkas": t("learned_name", v.lang),
                "kode": t("learned_code", v.lang),
                "nama_kemendagri": t("learned_reference", v.lang),
                "nama_file": t("learned_file", v.lang),
            },
        )


st.subheader(t("kelola_admin", v.lang))
if admin.signed_in(v):
    admin.upload(v)
    admin.said()
    admin.clear(v)
    admin.undo(v)
