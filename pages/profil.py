"""Profil Kampung KB: identity and location, class history, the twelve scores, the path up, data quality."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkb import charts, explore, fmt, geo, maps
from kkb.i18n import t
from kkb.sentences import formation_text, kampung_source_text, path_text, reason_text
from pages import _cache as cache
from pages import _context as fp
from pages import _render as render
from pages import _search as finder
from pages import _state as state
from pages import _tables as tables

v = state.view()
st.title(t("page_profil", v.lang))
finder.box(v.lang, key="cari_kampung")

kampung_id = st.text_input(t("kampung_id", v.lang), key=state.param("kampung"), bind="query-params").strip()
render.kampung_picker(v)
if not kampung_id:
    st.info(t("profil_empty", v.lang))
    st.stop()

found = cache.profile(kampung_id, v.metode)
if found is None:
    st.error(t("profil_unknown", v.lang, id=fmt.plain(kampung_id)))
    st.stop()

who = found.identity
if who["sumber"] == "sintetis":
    st.warning(t("synthetic_notice", v.lang), icon="⚠️")
st.header(fmt.plain(who["nama"]))
place = ", ".join(str(who[c]) for c in ("desa", "kecamatan", "kabkota", "provinsi") if pd.notna(who[c]))
st.markdown(
    t(
        "profil_identity",
        v.lang,
        id=who["id"],
        place=fmt.plain(place),
        code=who["kode_desa"],
        date=formation_text(who, v.lang),
        scope=who["cakupan_wilayah"] or t("unknown", v.lang),
        source=fmt.plain(kampung_source_text(who, v.lang)),
    )
)

desa_code, desa_name = str(who["kode_desa"]), str(who["desa"] or who["kode_desa"])
snapshot = found.at(v.periode)
if snapshot is None:
    st.info(t("profil_no_snapshot", v.lang, periode=v.periode))
    fp.desa(v, desa_code, desa_name)
    st.stop()

cols = st.columns(4)
cols[0].metric(t("kelas", v.lang), str(snapshot["klasifikasi"]))
for col, dim in zip(cols[1:], ("input", "proses", "output"), strict=True):
    col.metric(t(f"indeks_{dim}", v.lang), fmt.number(snapshot[f"indeks_{dim}"], v.lang, 2))
st.caption(t("profil_snapshot_of", v.lang, periode=snapshot["periode"]))
render.printed_differs(v, snapshot)
# the class, why, and the next step come first: what an official opens a profile for
st.markdown(fmt.plain(reason_text(snapshot, v.lang)))
lines = path_text(explore.path_for(snapshot), v.lang)
st.markdown(f"**{t('path_title', v.lang)}.** {lines[0]}" + "".join(f"\n- {line}" for line in lines[1:]))
if len(lines) > 1:
    st.caption(t("path_note", v.lang))
link = {"dari": kampung_id, "periode": v.periode, "lang": state.LANG_NAMES[v.lang]}
st.page_link("pages/simulasi.py", label=t("sim_try", v.lang), icon=":material/tune:", query_params=link)
raw_known = snapshot.get("dq_jumlah") is not None and not pd.isna(snapshot.get("dq_jumlah"))

left, right = st.columns(2)
with left:
    history = found.history[found.history["periode"] <= v.periode]
    render.chart(
        charts.class_history(history, t("history_title", v.lang, name=who["nama"]), v.lang),
        found.class_changes().rename(columns={"periode": "sejak"}),
        key="riwayat",
        v=v,
        name="riwayat-kelas",
        region=f"{who['nama']} {kampung_id}",
    )
with right:
    outline = geo.outline_of(cache.boundaries(), str(who["kode_kab"]))
    point = pd.DataFrame([{**who.to_dict(), "klasifikasi": snapshot["klasifikasi"]}])
    st.plotly_chart(
        maps.points(point, outline, t("location_title", v.lang, region=who["kabkota"]), v.lang),
        key="lokasi",
        config={"displaylogo": False},
    )
    render.source_note(render.source_caption(v))

scores = explore.score_table(snapshot)
labels, table = tables.scores(v, scores)
render.chart(
    charts.scores(
        scores, labels, t("scores_title", v.lang, name=who["nama"], periode=snapshot["periode"]), v.lang
    ),
    table[["indikator_label", "dimensi", "nilai_teks", "skor", "skor_maks", "rentang_skor"]],
    key="skor",
    v=v,
    name="skor-indikator",
    region=f"{who['nama']} {kampung_id}",
)

if not raw_known:
    st.caption(t("values_unknown", v.lang))

render.data_quality(v, snapshot, raw_known)
# the desa's family-planning context after the Kampung KB's own class, scores and next step
fp.desa(v, desa_code, desa_name)
