"""Target: attainment of the region's targets, pace and projection, and the regions behind schedule first."""

from __future__ import annotations

import streamlit as st

from kkb import charts, fmt, slides
from kkb.i18n import t
from kkb.sentences import attainment_text, pace_text, projection_text
from pages import _cache as cache
from pages import _render as render
from pages import _state as state
from pages import _tables as tables

v = state.view()
r = cache.report_of(v)
m, name = r.metrics, r.label
render.page_header(v, t("target_title", v.lang, region=name))
with_target = [a for a in m.capaian.values() if a.target is not None]
if not with_target:
    st.info(t("no_target_region", v.lang, region=name))
else:
    cols = st.columns(len(with_target))
    for col, a in zip(cols, with_target, strict=True):
        assert a.target is not None
        with col:
            # the large number is the attainment, and its label says so (not the coverage itself)
            st.markdown(f"**{t(a.metric, v.lang)}**")
            render.metric(
                t("capaian", v.lang),
                fmt.percent(a.percent, v.lang, 1),
                help_text=t("attainment_help", v.lang),
            )
            st.markdown(
                attainment_text(a, v.lang, v.periode)
                + f"  \n{fmt.https_link(a.target.source, a.target.url)} · {fmt.plain(a.target.date)}"
                + (f"  \n_{fmt.plain(a.target.denominator)}_" if a.target.denominator else "")
            )

st.subheader(t("laju", v.lang))
st.markdown(f"**{pace_text(m, v.lang)}** · {t('proyeksi', v.lang)}: {projection_text(m, v.lang)}")
trend = r.trend
if trend.empty:
    st.info(t("no_data", v.lang, region=name, periode=v.periode))
elif (figure := cache.figure((v,), slides.projection, cache.data(), v)) is not None:
    column = slides.projection_column(m)
    render.chart(figure, trend[["periode", column]], key="proyeksi", v=v, name="proyeksi")
    st.caption(t("projection_note", v.lang))

if v.level < 3:
    level = t(f"level_{v.level + 1}", v.lang)
    st.subheader(t("schedule_title", v.lang, level=level, region=name))
    table = r.schedule
    behind = table[table["tepat_waktu"] == False]  # noqa: E712 (a column with empty cells)
    st.markdown(
        t("schedule_summary", v.lang, behind=len(behind), total=int(table["tepat_waktu"].notna().sum()))
    )
    shown = table.head(25) if len(table) > 25 else table
    status = {True: t("on_track", v.lang), False: t("behind", v.lang)}
    display = shown.assign(
        status=[status.get(x, "–") if x is not None else "–" for x in shown["tepat_waktu"]],
        target=[t(str(x), v.lang) if isinstance(x, str) else "–" for x in shown["target_metrik"]],
        capaian=[render.percent(x, v, 1) for x in shown["capaian_persen"]],
        laju_teks=[render.number(x, v, 1) for x in shown["laju"]],
        proyeksi_teks=[
            t("proyeksi_reached", v.lang) if (c or 0) >= 100 else (p if isinstance(p, str) else "–")
            for c, p in zip(shown["capaian_persen"], shown["proyeksi"], strict=True)
        ],
    )
    render.chart(
        cache.figure(
            (v,),
            charts.attainment,
            display,
            "wilayah",
            t("schedule_chart_title", v.lang, level=level, region=name, periode=v.periode),
            v.lang,
        ),
        table[
            [
                "kode",
                "wilayah",
                "target_metrik",
                "target_tahun",
                "target_nilai",
                "aktual",
                "capaian_persen",
                "laju",
                "proyeksi",
                "tenggat",
                "tepat_waktu",
                "target_dari",
                "target_sumber",
            ]
        ],
        key="jadwal",
        v=v,
        name="jadwal-target",
    )
    tables.schedule(v, display)
    if len(table) > 25:
        st.caption(t("schedule_more", v.lang, n=len(table) - 25))

if v.level < 3:
    tables.slipping(v, r.slipping, t(f"level_{v.level + 1}", v.lang), name)
