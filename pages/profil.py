"""Profil Kampung KB: identity and location, class history, the twelve scores, the path up, data quality."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkb import charts, explore, fmt, geo
from kkb.classification import DQ_FLAGS, INDICATOR_BY_KEY
from kkb.i18n import t
from kkb.sentences import formation_text, kampung_source_text, path_text
from pages import _cache as cache
from pages import _render as render
from pages import _state as state

v = state.view()
st.title(t("page_profil", v.lang))


def _pick() -> None:
    st.session_state[state.param("kampung")] = st.session_state.get("profil_pilih") or ""


kampung_id = st.text_input(t("kampung_id", v.lang), key=state.param("kampung"), bind="query-params").strip()
if v.level >= 2:
    nearby = cache.kampung(v.code, v.periode, v.metode)
    if not nearby.empty:
        names = dict(zip(nearby["id"], nearby["nama"] + " · " + nearby["desa"].fillna(""), strict=True))
        st.selectbox(
            t("kampung_pick", v.lang, region=render.region_name(v.code)),
            ["", *nearby["id"]],
            format_func=lambda i: names.get(i, "–"),
            key="profil_pilih",
            on_change=_pick,
        )
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

snapshot = found.at(v.periode)
if snapshot is None:
    st.info(t("profil_no_snapshot", v.lang, periode=v.periode))
    st.stop()

cols = st.columns(4)
cols[0].metric(t("kelas", v.lang), str(snapshot["klasifikasi"]))
for col, dim in zip(cols[1:], ("input", "proses", "output"), strict=True):
    col.metric(t(f"indeks_{dim}", v.lang), fmt.number(snapshot[f"indeks_{dim}"], v.lang, 2))
st.caption(t("profil_snapshot_of", v.lang, periode=snapshot["periode"]))
printed = snapshot.get("klasifikasi_tercetak")
if isinstance(printed, str) and printed != snapshot["klasifikasi"]:

    def _indices(prefix: str) -> str:
        return " / ".join(
            fmt.number(snapshot[f"{prefix}indeks_{d}"], v.lang, 2) for d in ("input", "proses", "output")
        )

    st.warning(
        t(
            "printed_differs",
            v.lang,
            printed=printed,
            ours=snapshot["klasifikasi"],
            printed_indices=_indices("tercetak_"),
            indices=_indices(""),
        ),
        icon="⚖️",
    )
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
        charts.points(point, outline, t("location_title", v.lang, region=who["kabkota"]), v.lang),
        key="lokasi",
        config={"displaylogo": False},
    )
    st.caption(render.source_caption(v))

scores = explore.score_table(snapshot)
labels = {k: t(f"ind_{k}", v.lang) for k in scores["indikator"]}
table = scores.assign(
    indikator_label=[labels[k] for k in scores["indikator"]],
    nilai_teks=[
        "–" if pd.isna(x) else (fmt.percent(x, v.lang, 0) if u == "persen" else fmt.number(x, v.lang))
        for x, u in zip(scores["nilai"], scores["satuan"], strict=True)
    ],
    rentang_skor=[
        explore.band_text(INDICATOR_BY_KEY[k], int(s), " %" if INDICATOR_BY_KEY[k].unit == "persen" else "")
        for k, s in zip(scores["indikator"], scores["skor"], strict=True)
    ],
)
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

st.subheader(t("path_title", v.lang))
lines = path_text(explore.path_for(snapshot), v.lang)
st.markdown(f"**{lines[0]}**" + "".join(f"\n- {line}" for line in lines[1:]))
if len(lines) > 1:
    st.caption(t("path_note", v.lang))

st.subheader(t("dq_title", v.lang))
flags = [f for f in DQ_FLAGS if raw_known and not pd.isna(snapshot.get(f)) and bool(snapshot.get(f))]
if not raw_known:
    st.info(t("dq_unknown", v.lang))
elif flags:
    st.warning("\n".join(f"- {t(f, v.lang)}" for f in flags))
else:
    st.success(t("dq_none", v.lang))
