"""The family-planning context beside the Kampung KB figures: New SIGA's PUS, CPR, mCPR, MKJP, unmet need.

Every figure says its source (New SIGA, the files, the month it is of) and how many desa report it;
a region without New SIGA figures says so, with where to import them. The comparison of desa with a
Kampung KB against desa without one says, every time, that it is a comparison and not a proof.
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from kkb import charts, context, fmt, geo, maps, palette
from kkb.classification import CLASSES
from kkb.i18n import t
from kkb.regions import NATION
from kkb.report import Report
from kkb.view import View
from pages import _cache as cache
from pages import _maps as maps_
from pages import _render as render

LABELS = context.LABELS


def section(v: View, r: Report) -> None:
    """The region's context: five figures, their source, and the Kampung KB comparison."""
    c = r.fp
    st.subheader(t("context_title", v.lang))
    if not c.known:
        st.info(t("context_missing", v.lang, region=r.label, periode=v.periode))
        poktan(v, r)
        return
    n, total = fmt.number(c.desa_pus, v.lang), fmt.number(c.desa_total, v.lang)
    cards = [("PUS", fmt.number(c.pus, v.lang), None, t("context_reporting", v.lang, n=n, total=total))]
    for rate, label in LABELS.items():
        top, bottom, desa = c.counts[rate]
        value = c.rate[rate]
        shown = t("context_no_data", v.lang) if math.isnan(value) else render.percent(value, v)
        change = c.change.get(rate)
        delta = None if change is None else fmt.signed(change, v.lang, 2, "pp") + " " + t("per_year", v.lang)
        said = t("context_division", v.lang, top=fmt.number(top, v.lang), bottom=fmt.number(bottom, v.lang))
        cards.append(
            (label, shown, delta, said + " · " + t("context_desa", v.lang, n=fmt.number(desa, v.lang)))
        )
    for column, (label, value, delta, help_text) in zip(st.columns(len(cards)), cards, strict=True):
        with column:
            render.metric(label, value, delta, help_text)
    line = context.source_line(c, v.lang)
    if c.periode != v.periode:
        line += " · " + t("context_as_of", v.lang, periode=c.periode, asked=v.periode)
    render.source_note(line)
    groups(v, r, line)
    poktan(v, r)


def groups(v: View, r: Report, line: str) -> None:
    """Desa with a Kampung KB against desa without, side by side, with the number in each group."""
    frame = r.fp_groups
    if len(frame) < 2:  # every desa, or none, has a Kampung KB: nothing to compare
        st.caption(t("context_no_groups", v.lang, region=r.label))
        return
    names = {True: "context_with", False: "context_without"}
    shown = frame.assign(
        kelompok=[
            t(names[bool(a)], v.lang, n=fmt.number(d, v.lang))
            for a, d in zip(frame["ada_kampung_kb"], frame["desa"], strict=True)
        ]
    )
    columns = {"mcpr": "mCPR", "unmet_need_persen": "Unmet need", "mkjp": "MKJP"}
    title = t("context_groups_title", v.lang, region=r.label, periode=r.fp.periode)
    figure = charts.grouped(shown, "kelompok", columns, title, "%", v.lang, percent=True)
    data = shown[["kelompok", "desa", "sintetis", "pus", "kb_modern", "kb_mkjp", "unmet_need", *columns]]
    render.chart(figure, data, key="konteks_kelompok", v=v, name="konteks-kampung-kb", caption=line)
    st.caption(t("context_caveat", v.lang))
    if int(frame["sintetis"].sum()) > 0:
        st.warning(t("context_synthetic", v.lang, n=fmt.number(int(frame["sintetis"].sum()), v.lang)))
    classes(v, r, line)


#: the colour of each group of the class comparison: the class colours, grey for the rest
GROUP_COLOURS = {"without": palette.SECONDARY, "belum": palette.UNCLASSIFIED, **palette.CLASS}


def classes(v: View, r: Report, line: str) -> None:
    """The same desa by the highest class of their Kampung KB: do Mandiri and Berkelanjutan do better?"""
    frame = r.fp_classes
    if not frame["kelas"].isin(CLASSES).any():  # no Kampung KB of the region is classified
        return

    def named(kelas: object, n: object) -> str:
        count = fmt.number(n, v.lang)
        if kelas is None or pd.isna(kelas):
            return t("context_without", v.lang, n=count)
        if kelas == "belum":
            return t("context_unclassified", v.lang, n=count)
        return f"{kelas} ({count})"

    shown = frame.assign(kelompok=[named(k, n) for k, n in zip(frame["kelas"], frame["desa"], strict=True)])
    columns = {"mcpr": "mCPR", "unmet_need_persen": "Unmet need", "mkjp": "MKJP"}
    title = t("context_classes_title", v.lang, region=r.label, periode=r.fp.periode)
    figure = charts.grouped(shown, "kelompok", columns, title, "%", v.lang, percent=True)
    for trace, kelas in zip(figure.data, frame["kelas"], strict=True):
        trace.marker.color = GROUP_COLOURS["without" if kelas is None or pd.isna(kelas) else str(kelas)]
    # six groups wrap their legend over the title on a phone: it goes under the bars
    figure.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0})
    data = shown[["kelompok", "desa", "sintetis", "pus", "kb_modern", "kb_mkjp", "unmet_need", *columns]]
    render.chart(figure, data, key="konteks_kelas", v=v, name="konteks-kelas", caption=line)
    st.caption(t("context_classes_note", v.lang, method=v.metode))


def poktan(v: View, r: Report) -> None:
    """The region's poktan and Rumah DataKu from New SIGA: in how many desa, how many report, with SK."""
    frame = r.fp_poktan
    if frame.empty:
        return
    st.markdown(f"#### {t('poktan_title', v.lang)}")
    kinds, dataku = frame[frame["kelompok"] != "dataku"], frame[frame["kelompok"] == "dataku"]
    if not kinds.empty:
        rows = [
            {
                "ukuran": t("poktan_having", v.lang),
                **dict(zip(kinds["nama"], kinds["persen_desa_ada"], strict=True)),
            },
            {
                "ukuran": t("poktan_reported", v.lang),
                **dict(zip(kinds["nama"], kinds["persen_lapor"], strict=True)),
            },
        ]
        columns = {name: name for name in kinds["nama"]}
        title = t("poktan_chart", v.lang, region=r.label)
        figure = charts.grouped(pd.DataFrame(rows), "ukuran", columns, title, "%", v.lang, percent=True)
        data = kinds.drop(columns=["kelompok", "sk_ada", "persen_sk"])
        render.chart(
            figure, data, key="konteks_poktan", v=v, name="konteks-poktan", caption=_groups_line(kinds, v)
        )
        st.caption(t("poktan_note", v.lang))
    for g in dataku.to_dict("records"):
        having = fmt.number(g["desa_ada"], v.lang), fmt.number(g["desa"], v.lang)
        sk = t("context_no_data", v.lang) if math.isnan(g["persen_sk"]) else render.percent(g["persen_sk"], v)
        cards = [
            (t("dataku_count", v.lang), fmt.number(g["ada"], v.lang), None, g["periode"]),
            (
                t("dataku_desa", v.lang),
                render.percent(g["persen_desa_ada"], v),
                None,
                t("dataku_desa_help", v.lang, n=having[0], total=having[1]),
            ),
            (t("dataku_with_sk", v.lang), sk, None, fmt.number(g["sk_ada"], v.lang)),
        ]
        for column, (label, value, delta, help_text) in zip(st.columns(3), cards, strict=True):
            with column:
                render.metric(label, value, delta, help_text)
    if not dataku.empty:
        render.source_note(_groups_line(dataku, v))


def _groups_line(frame: pd.DataFrame, v: View) -> str:
    """Where poktan or Rumah DataKu figures come from: New SIGA, each group's month and files."""
    said = zip(frame["nama"], frame["periode"], frame["sumber"], strict=True)
    return t(context.GROUP_SYSTEM, v.lang) + ": " + "; ".join(f"{g} {p} ({f})" for g, p, f in said)


def desa(v: View, kode_desa: str, name: str) -> None:
    """A Kampung KB's desa month by month: CPR and unmet need as lines, PUS and the counts in its table."""
    months = cache.desa_months(kode_desa)
    months = months[months["periode"] <= v.periode]
    st.subheader(t("context_desa_title", v.lang, desa=name))
    if months.empty:
        st.caption(t("context_desa_missing", v.lang, desa=name, periode=v.periode))
        return
    series = {
        "CPR": months.rename(columns={"cpr": "nilai"}),
        "Unmet need": months.rename(columns={"unmet_need_persen": "nilai"}),
    }
    title = t("context_desa_chart", v.lang, desa=name)
    figure = charts.lines(series, "nilai", title, "%", v.lang, percent=True)
    system = t(context.SYSTEM, v.lang)
    files = t("context_desa_source", v.lang, system=system, last=str(months["periode"].iloc[-1]))
    data = months[["periode", "pus", "pa", "kb_modern", "unmet_need", "cpr", "mcpr", "unmet_need_persen"]]
    last = months.iloc[-1]
    st.caption(t("context_desa_pus", v.lang, pus=fmt.number(last["pus"], v.lang), periode=last["periode"]))
    render.chart(figure, data, key="konteks_desa", v=v, name="konteks-desa", region=name, caption=files)


def compared(v: View, reports: dict[str, Report], labels: dict[str, str]) -> None:
    """The regions' context side by side: the four rates as grouped bars, and the month each is of."""
    st.subheader(t("context_title", v.lang))
    known = {code: r.fp for code, r in reports.items() if r.fp.known}
    if not known:
        st.info(t("context_missing", v.lang, region=", ".join(labels.values()), periode=v.periode))
        return
    rows = [
        {"wilayah": labels[code], "periode_siga": c.periode, "desa_pus": c.desa_pus, "pus": c.pus, **c.rate}
        for code, c in known.items()
    ]
    frame = pd.DataFrame(rows)
    title = t("context_compare_title", v.lang, periode=v.periode)
    figure = charts.grouped(frame, "wilayah", LABELS, title, "%", v.lang, percent=True)
    said = " · ".join(f"{labels[code]}: {context.source_line(c, v.lang)}" for code, c in known.items())
    region = " ".join(labels.values())
    render.chart(
        figure, frame, key="banding_konteks", v=v, name="perbandingan-konteks", region=region, caption=said
    )
    missing = [labels[code] for code in reports if code not in known]
    if missing:
        st.caption(t("context_missing_some", v.lang, regions=", ".join(missing), periode=v.periode))


def published(v: View, codes: list[str], labels: dict[str, str] | None = None) -> None:
    """The published province context of ``codes`` (provinces and the nation), one column each."""
    codes = list(dict.fromkeys(c for c in codes if c == NATION or len(c) == 2))
    labels = labels or {c: render.region_name(c) for c in codes}
    if not codes:
        return
    table = cache.published(tuple(codes))
    st.subheader(t("published_title", v.lang))
    none = t("context_no_data", v.lang)
    years = [none if y is None or pd.isna(y) else str(int(y)) for y in table["tahun"]]
    values = {labels[c]: [none if pd.isna(x) else fmt.number(x, v.lang, 2) for x in table[c]] for c in codes}
    shown = pd.DataFrame(
        {
            t("published_indicator", v.lang): [t(f"published_{i}", v.lang) for i in table["indikator"]],
            t("published_instrument", v.lang): table["instrumen"],
            t("published_year", v.lang): years,
            **values,
            t("published_source", v.lang): table["sumber"],
            "url": table["sumber_url"],
        }
    )
    link = st.column_config.LinkColumn(t("published_link", v.lang), display_text="↗")
    st.dataframe(shown, hide_index=True, column_config={"url": link})
    st.caption(t("published_note", v.lang))


def desa_map(v: View, r: Report) -> None:
    """A kab/kota's or kecamatan's desa as points coloured by one of New SIGA's rates."""
    if not r.fp.known:
        return
    frame = cache.desa_context(v.code, v.periode)
    metric = st.selectbox(
        t("context_desa_metric", v.lang), list(LABELS), format_func=lambda k: t(k, v.lang), key="peta_desa"
    )
    outline = geo.outline_of(cache.boundaries(), v.code[:5])
    title = t("context_desa_map", v.lang, metric=t(metric, v.lang), region=r.label, periode=r.fp.periode)
    figure = maps.value_points(
        frame, outline, metric, title, LABELS[metric], v.lang, maps_.METRICS[metric][1]
    )
    n, total = fmt.number(int(frame[metric].notna().sum()), v.lang), fmt.number(len(frame), v.lang)
    st.caption(t("context_desa_map_note", v.lang, n=n, total=total))
    data = frame[["kode", "nama", metric, "desa_pus", "pus"]].sort_values(metric, ascending=False)
    line = context.source_line(r.fp, v.lang)
    render.chart(figure, data, key="peta_desa_map", v=v, name=f"peta-desa-{metric}", caption=line)
