"""Simulasi klasifikasi: a Kampung KB's values, changed by hand, through the profile's own rules."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from kkb import charts, export, fmt, simulate
from kkb.classification import PASS_INDEX
from kkb.i18n import t
from kkb.plan_pdf import PlanText, plan_pdf
from kkb.sentences import path_text
from pages import _render as render
from pages import _search as finder
from pages import _simulate as form
from pages import _state as state
from pages import _tables as tables

v = state.view()
st.title(t("page_simulasi", v.lang))
st.caption(t("sim_intro", v.lang))

finder.box(v.lang, key="cari_simulasi", into="dari")
kampung_id = st.text_input(
    t("sim_start", v.lang), key=state.param("dari"), bind="query-params", help=t("sim_start_help", v.lang)
).strip()
begin = form.start(v, kampung_id)
problems = form.seed(kampung_id, begin)
if begin.warning:
    st.warning(fmt.plain(begin.warning), icon="❔")  # it names what the link or the registry said
if problems:
    st.warning(t("sim_bad_link", v.lang, parts=fmt.plain(", ".join(problems))), icon="🔗")
if begin.synthetic:
    st.warning(t("synthetic_notice", v.lang), icon="⚠️")

left, right = st.columns([5, 4], gap="large")
with left:
    buttons = st.container(horizontal=True)  # side by side while they fit, then one under the other
    buttons.button(t("sim_reset", v.lang), on_click=form.restart, args=(begin.values,))
    buttons.button(t("sim_clear", v.lang), on_click=form.restart, args=(simulate.blank(),))
    values = form.form(v)

sim = simulate.evaluate(values)
changed = simulate.changes(begin.values, values)
said = begin.said(v.lang, len(changed))
if changed:
    said += " " + t("sim_changed", v.lang, fields=", ".join(t(f"in_{c}", v.lang) for c in changed))

with right:
    st.subheader(t("sim_result", v.lang))
    st.metric(t("kelas", v.lang), sim.klasifikasi)
    cells = st.container(horizontal=True, gap="large")  # the three wrap where the column is narrow
    for dim in ("input", "proses", "output"):
        index = float(sim.result[f"indeks_{dim}"])
        passes = index >= PASS_INDEX
        cells.metric(
            t(f"indeks_{dim}", v.lang),
            fmt.number(index, v.lang, 2),
            delta=t("sim_pass" if passes else "sim_fail", v.lang),
            delta_color="normal" if passes else "inverse",
            delta_arrow="up" if passes else "down",
            help=t("pass_line", v.lang),
            width="content",
        )
    render.source_note(said)
    lines = path_text(sim.path, v.lang)
    st.markdown(f"**{fmt.plain(lines[0])}**" + "".join(f"\n- {fmt.plain(line)}" for line in lines[1:]))
    labels, table = tables.scores(v, sim.scores)
    shown = table[["indikator_label", "nilai_teks", "skor", "skor_maks", "rentang_skor"]]
    st.dataframe(export.display(shown, v.lang), hide_index=True, height="content", key="sim_skor")
    heading = begin.heading or t("page_simulasi", v.lang)
    rows = shown[["indikator_label", "nilai_teks", "skor", "rentang_skor"]].astype(str).to_numpy().tolist()
    about = PlanText(heading, said, t("sim_plan_made", v.lang, date=dt.date.today().isoformat()))
    st.download_button(
        t("sim_plan_pdf", v.lang),
        data=plan_pdf(sim, rows, about, v.lang),
        file_name=f"rencana-kelas-{kampung_id or 'simulasi'}.pdf".replace(" ", "-"),
        mime="application/pdf",
        icon=":material/download:",
    )

render.chart(
    charts.scores(sim.scores, labels, t("sim_scores_title", v.lang), v.lang),
    shown,
    key="sim_grafik",
    v=v,
    name="simulasi-skor",
    caption=said,
)
