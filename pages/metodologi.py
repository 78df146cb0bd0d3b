"""Metodologi & data: how classes and metrics are computed (read from kkb), the sources, the data's date."""

from __future__ import annotations

import streamlit as st

from kkb import export, fmt, ingest
from kkb.classification import METHODS, PASS_INDEX
from kkb.i18n import t
from kkb.indicators import DIMENSION_INDICATORS, DIMENSIONS
from kkb.sentences import method_text
from pages import _cache as cache
from pages import _render as render
from pages import _state as state
from pages import _tables as tables

#: the metrics the page defines, in the order the pages show them
DEFINED = ("pembentukan", "cakupan_desa_persen", "cakupan_kec_persen", "mandiri_plus_persen")
DEFINED += ("per_100_desa", "capaian_persen", "laju", "proyeksi")

v = state.view()
st.title(t("page_metodologi", v.lang))
about = cache.summary()
synthetic = about.synthetic
if synthetic:
    st.warning(t("synthetic_notice", v.lang) + " " + t("synthetic_more", v.lang), icon="⚠️")
st.markdown(
    t(
        "data_state",
        v.lang,
        as_of=about.data_as_of or about.periode_akhir or "–",
        built=about.built_at or "–",
        n=fmt.number(about.kampung_kb, v.lang),
        reference=about.reference_edition or "–",
    )
)

st.header(t("method_classes", v.lang))
method = METHODS[v.metode]
st.markdown(
    t(
        "method_intro",
        v.lang,
        name=method_text(method.name, v.lang)[0],
        passmark=fmt.number(PASS_INDEX, v.lang, 0),
    )
)
dims = []
for dim in DIMENSIONS:
    members = ", ".join(t(f"ind_{i.key}", v.lang) for i in DIMENSION_INDICATORS[dim])
    dims.append(f"- **{t(f'dim_{dim}', v.lang)}** ({len(DIMENSION_INDICATORS[dim])}): {members}")
st.markdown("\n".join(dims))

st.subheader(t("bands_title", v.lang))
tables.bands(v)
st.subheader(t("decision_title", v.lang))
tables.decision(v)

st.subheader(t("methods_title", v.lang))
st.markdown("\n".join("- **{}**: {}. {}".format(name, *method_text(name, v.lang)) for name in METHODS))

st.header(t("metrics_title", v.lang))
st.markdown("\n".join(f"- **{t(key, v.lang)}**: {t(f'def_{key}', v.lang)}" for key in DEFINED))

st.header(t("sources_title", v.lang))
st.markdown(t("sources_reference", v.lang))
targets = cache.targets()
tables.targets(v, targets)
render.table_downloads(
    targets, v, export.file_stem("indonesia", "target-dan-angka-terbitan", v.periode), key="targets"
)

st.subheader(t("imports_title", v.lang))
log = ingest.history(cache.connection())
if log.empty:
    st.caption(t("imports_none", v.lang))
else:
    tables.import_log(v, log)
    st.caption(t("imports_note", v.lang))
