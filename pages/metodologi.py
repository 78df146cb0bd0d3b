"""Metodologi & data: how classes and metrics are computed (read from kkb), the sources, the data's date."""

from __future__ import annotations

import streamlit as st

from kkb import explore, export, fmt, ingest
from kkb.classification import DIMENSION_INDICATORS, DIMENSIONS, METHODS, PASS_INDEX
from kkb.i18n import t
from kkb.sentences import method_text
from pages import _cache as cache
from pages import _render as render
from pages import _state as state

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
bands = explore.bands_table()
bands["indikator"] = [t(f"ind_{k}", v.lang) for k in bands["indikator"]]
bands["dimensi"] = [t(f"dim_{d}", v.lang) for d in bands["dimensi"]]
st.dataframe(
    bands.drop(columns="satuan"),
    hide_index=True,
    height="content",
    column_config={
        "indikator": t("indikator", v.lang),
        "dimensi": t("dimensi", v.lang),
        **{f"skor_{s}": t(f"skor_{s}_label", v.lang) for s in range(1, 5)},
    },
)
st.caption(t("bands_note", v.lang))
render.table_downloads(
    bands.drop(columns="satuan"),
    v,
    export.file_stem("indonesia", "pita-skor", v.periode),
    key="bands",
    title=t("bands_title", v.lang),
)

st.subheader(t("decision_title", v.lang))
decision = explore.decision_table()
yes, no = t("passes", v.lang), t("fails", v.lang)
shown = decision.copy()
for dim in DIMENSIONS:
    shown[f"lulus_{dim}"] = [yes if x else no for x in decision[f"lulus_{dim}"]]
st.dataframe(
    shown,
    hide_index=True,
    column_config={f"lulus_{d}": t(f"dim_{d}", v.lang) for d in DIMENSIONS}
    | {"klasifikasi": t("kelas", v.lang)},
)
st.caption(t("decision_note", v.lang))
render.table_downloads(
    shown,
    v,
    export.file_stem("indonesia", "aturan-kelas", v.periode),
    key="decision",
    title=t("decision_title", v.lang),
)

st.subheader(t("methods_title", v.lang))
st.markdown("\n".join("- **{}**: {}. {}".format(name, *method_text(name, v.lang)) for name in METHODS))

st.header(t("metrics_title", v.lang))
st.markdown(
    "\n".join(
        f"- **{t(key, v.lang)}**: {t(f'def_{key}', v.lang)}"
        for key in (
            "pembentukan",
            "cakupan_desa_persen",
            "cakupan_kec_persen",
            "mandiri_plus_persen",
            "per_100_desa",
            "capaian_persen",
            "laju",
            "proyeksi",
        )
    )
)

st.header(t("sources_title", v.lang))
st.markdown(t("sources_reference", v.lang))
targets = cache.targets()
sources = targets.assign(
    # as text in the interface's number format (a "localized" column follows the browser, not the page)
    nilai=[fmt.number(x, v.lang, 0 if float(x).is_integer() else 2) for x in targets["nilai"]],
    wilayah=[render.region_name(str(c)) for c in targets["kode_wilayah"]],
    metrik_label=[t(str(m), v.lang) for m in targets["metrik"]],
    jenis_label=[t(f"jenis_{j}", v.lang) for j in targets["jenis"]],
)
st.dataframe(
    sources,
    hide_index=True,
    column_order=[
        "wilayah",
        "tahun",
        "metrik_label",
        "jenis_label",
        "nilai",
        "penyebut",
        "periode",
        "sumber",
        "sumber_url",
        "sumber_tanggal",
    ],
    column_config={
        "wilayah": t("region", v.lang),
        "tahun": t("year", v.lang),
        "metrik_label": t("metric", v.lang),
        "jenis_label": t("kind", v.lang),
        "nilai": t("value", v.lang),
        "penyebut": t("denominator", v.lang),
        "periode": t("periode_label", v.lang),
        "sumber": t("source", v.lang),
        "sumber_url": st.column_config.LinkColumn(t("link", v.lang)),
        "sumber_tanggal": t("source_date", v.lang),
    },
)
render.table_downloads(
    targets, v, export.file_stem("indonesia", "target-dan-angka-terbitan", v.periode), key="targets"
)

st.subheader(t("imports_title", v.lang))
log = ingest.history(cache.connection())
if log.empty:
    st.caption(t("imports_none", v.lang))
else:
    log = log.assign(
        bentuk=[t(f"shape_{b}" if isinstance(b, str) else "shape_impor", v.lang) for b in log["bentuk"]]
    )
    labels = {
        "id": t("import_number", v.lang),
        "bentuk": t("import_shape", v.lang),
        "wilayah": t("import_regions", v.lang),
    }
    st.dataframe(export.display(log.drop(columns="sha256"), v.lang, labels), hide_index=True)
    st.caption(t("imports_note", v.lang))
