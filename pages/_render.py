"""What every page draws the same way: its header and synthetic notice, charts with their downloads,
metrics, tables with downloads, numbers in the view's language.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from kkb import export, fmt, overview, slides
from kkb.classification import CLASSES
from kkb.i18n import t
from kkb.indicators import DQ_FLAGS
from kkb.metrics import RegionMetrics
from kkb.report import Report
from kkb.view import View
from pages import _cache as cache
from pages import _state as state

# --- rendering -----------------------------------------------------------------------------------


def region_name(code: str) -> str:
    """The display label of a region (``Indonesia``, ``Banten``, ``Kab. Serang``)."""
    return cache.regions().label(code)


def page_header(v: View, title: str, notices: bool = True) -> None:
    """The page's title, the as-of month and, where the data is synthetic, the notice.

    ``notices=False``: the page is not about the sidebar's region (Perbandingan), and says itself
    which of its regions are synthetic.
    """
    st.title(title)
    st.caption(t("as_of", v.lang, periode=v.periode))
    if notices:
        synthetic_notice(v)


def shows_synthetic(v: View) -> bool:
    """Whether the view's region holds synthetic demo rows (once real data replaced them: no)."""
    if not cache.summary().synthetic:
        return False
    return cache.report_of(v).synthetic


def known_metrics(kids: pd.DataFrame, options: list[str]) -> list[str]:
    """The metrics of ``options`` that some region with Kampung KB has a value for (all, when none has).

    A region known only from its printed totals has no village coverage: a map or ranking by it
    would show nothing but blanks, so it is not offered.
    """
    formed = kids["pembentukan"].fillna(0) > 0
    known = [k for k in options if k not in kids or bool((kids[k].notna() & formed).any())]
    return known or options


def children_unknown(kids: pd.DataFrame) -> bool:
    """Whether every region below is unknown (its parent is known from printed totals only)."""
    return "tidak_diketahui" in kids and bool(kids["tidak_diketahui"].all())


def synthetic_notice(v: View) -> None:
    """Say that the data is synthetic wherever synthetic rows are shown, and what the data cannot say."""
    if shows_synthetic(v):
        st.warning(t("synthetic_notice", v.lang), icon="⚠️")
    r = cache.report_of(v)
    m = r.metrics
    if m.hanya_induk is not None:
        st.warning(t("only_parent_notice", v.lang, parent=region_name(m.hanya_induk)), icon="❔")
    elif m.before_data:
        st.warning(t("before_data_notice", v.lang, since=m.data_sejak), icon="❔")
    elif m.dari_periode is not None and m.dari_periode != v.periode and m.sintetis == 0:
        st.info(t("carried_notice", v.lang, periode=m.dari_periode), icon="ℹ️")
    if "tidak_diketahui" in r.children and r.children["tidak_diketahui"].any():
        st.info(t("children_unknown_notice", v.lang), icon="ℹ️")


def source(v: View, codes: tuple[str, ...] = ()) -> str:
    """Where the view's figures (and those of ``codes``) come from: demo data, imports, or a mix."""
    return slides.source_of(cache.data(), v, codes)


def source_caption(v: View, codes: tuple[str, ...] = ()) -> str:
    """The caption under a chart: source, as-of periode and method."""
    return t("source_caption", v.lang, source=source(v, codes), periode=v.periode, method=v.metode)


def source_note(text: str) -> None:
    """A source line under a figure, as plain text: it holds the names of imported files, which are the
    user's and may hold markdown (``[x](https:…) bkb.csv`` is a file name, not a link)."""
    st.caption(fmt.plain(text))


def csv_bytes(frame: pd.DataFrame, lang: str) -> bytes:
    """CSV in the language's spreadsheet dialect, headers in ``lang`` (``kkb.export.csv``)."""
    return export.csv(frame, lang)


def about(v: View, title: str, said: str | None = None) -> dict[str, str]:
    """What a downloaded table is: title, region, periode, method and source (``said``: another one)."""
    return {
        t("excel_title", v.lang): title,
        t("region_label", v.lang): region_name(v.code),
        t("periode_label", v.lang): v.periode,
        t("method_label", v.lang): v.metode,
        t("excel_source", v.lang): said or source(v),
    }


def stem(v: View, what: str, region: str | None = None) -> str:
    """A download's file name without extension: region, what it shows, periode."""
    return export.file_stem(region or region_name(v.code), what, v.periode)


def table_downloads(
    frame: pd.DataFrame,
    v: View,
    name: str,
    *,
    key: str,
    title: str = "",
    labels: dict[str, str] | None = None,
    said: str | None = None,
) -> None:
    """CSV and Excel downloads of ``frame`` (headers in the language, or ``labels``), built when clicked.

    ``said`` is the source when the table is not the view's Kampung KB figures (New SIGA's context).
    """
    row = st.container(horizontal=True)
    row.download_button(
        t("download_csv", v.lang),
        lambda: export.csv(frame, v.lang, labels),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        on_click="ignore",
    )
    described = about(v, title, said)  # read now: the download runs outside the script
    row.download_button(
        t("download_xlsx", v.lang),
        lambda: export.excel(frame, v.lang, about=described, labels=labels),
        file_name=f"{name}.xlsx",
        mime=XLSX,
        key=f"{key}_xlsx",
        on_click="ignore",
    )


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIME = {"png": "image/png", "svg": "image/svg+xml"}


def image_downloads(fig: go.Figure, v: View, name: str, *, key: str, caption: str | None = None) -> None:
    """PNG (2×) and SVG downloads of ``fig`` with its source line baked in, drawn only when clicked.

    Without a Chromium on the server, say that the chart's own camera button downloads a PNG.
    """
    if not export.available():
        st.caption(t("export_fallback", v.lang))
        return
    caption = caption or source_caption(v)
    row = st.container(horizontal=True)
    for kind in ("png", "svg"):
        row.download_button(
            t(f"download_{kind}", v.lang),
            lambda kind=kind: export.image(fig, caption, kind),
            file_name=f"{name}.{kind}",
            mime=MIME[kind],
            key=f"{key}_{kind}",
            on_click="ignore",
            icon=":material/image:",
        )


def chart(
    fig: go.Figure,
    data: pd.DataFrame,
    *,
    key: str,
    v: View,
    name: str,
    region: str | None = None,
    on_select: Any = "ignore",
    selection_mode: Any = ("points",),
    caption: str | None = None,
) -> Any:
    """A chart with its caption, PNG/SVG downloads, and the data behind it as a table, CSV and Excel.

    ``name`` says what the chart shows (``tren-kelas``); file names add the region and the periode.
    ``caption`` is its source line when it is not the view's Kampung KB figures (New SIGA's context).
    """
    file_name = stem(v, name, region)
    event = st.plotly_chart(
        fig,
        key=key,
        on_select=on_select,
        selection_mode=selection_mode,
        config={
            "displaylogo": False,
            "responsive": True,
            "toImageButtonOptions": {"format": "png", "filename": file_name, "scale": export.SCALE},
        },
    )
    source_note(caption or source_caption(v))
    image_downloads(fig, v, file_name, key=key, caption=caption)
    # drawn only once opened: a table (and its grid code in the browser) under every chart made a
    # chart page's first view in a new tab about 0.2 s slower (bench/README.md, "The first visit")
    table = st.expander(t("data_table", v.lang), key=f"{key}_tabel", on_change="rerun")
    if table.open:
        with table:
            st.dataframe(export.display(data, v.lang), hide_index=True)
            title = str(fig.layout.title.text or "")
            table_downloads(data, v, file_name, key=key, title=title, said=caption)
    return event


def metric(label: str, value: str, delta: str | None = None, help_text: str | None = None) -> None:
    """A headline figure (``delta`` already formatted)."""
    # fmt.signed writes no change as ±0, and an unknown change as –: neither gets an arrow
    unchanged = delta is None or delta.startswith(("±", "–"))
    st.metric(
        label,
        value,
        delta=delta,
        help=help_text,
        delta_color="off" if unchanged else "normal",
        delta_arrow="off" if unchanged else "auto",
    )


def number(value: float | None, v: View, decimals: int = 0) -> str:
    """Format a number in the view's language."""
    return fmt.number(value, v.lang, decimals)


def percent(value: float | None, v: View, decimals: int = 2) -> str:
    """Format a percentage in the view's language."""
    return fmt.percent(value, v.lang, decimals)


def headline_metrics(v: View, m: RegionMetrics) -> None:
    """The four headline figures in a row: formed, village coverage, Mandiri+ share, classified."""
    yoy = m.perubahan_tahunan
    per_year = " " + t("per_year", v.lang)
    cards = (
        (
            t("pembentukan", v.lang),
            number(m.pembentukan, v),
            fmt.signed(yoy.get("pembentukan"), v.lang) + per_year,
            None,
        ),
        (
            t("cakupan_desa_persen", v.lang),
            percent(m.cakupan_desa_persen, v),
            fmt.signed(yoy.get("cakupan_desa_persen"), v.lang, 2, "pp") + per_year,
            t("cakupan_help", v.lang, n=number(m.desa_terbentuk, v), of=number(m.jml_desa_kel, v)),
        ),
        (
            t("mandiri_plus_persen", v.lang),
            percent(m.mandiri_plus_persen, v),
            fmt.signed(yoy.get("mandiri_plus_persen"), v.lang, 2, "pp") + per_year,
            t("mandiri_plus_help", v.lang, n=number(m.mandiri_plus, v), of=number(m.terklasifikasi, v)),
        ),
        (
            t("terklasifikasi", v.lang),
            number(m.terklasifikasi, v),
            None,
            t("belum_terklasifikasi_n", v.lang, n=number(m.pembentukan - m.terklasifikasi, v)),
        ),
    )
    for column, (label, value, delta, help_text) in zip(st.columns(len(cards)), cards, strict=True):
        with column:
            metric(label, value, delta, help_text)


def class_table(v: View, r: Report, *, key: str) -> None:
    """The class counts and shares of every region one level down, with a total row and downloads."""
    level = t(f"level_{v.level + 1}", v.lang)
    title = t("class_table_title", v.lang, level=level, region=r.label, periode=v.periode)
    st.subheader(title)
    table = overview.class_table(r.children, r.metrics, t("total", v.lang))
    labels = {"wilayah": level.capitalize()}
    for klass in CLASSES:
        labels[klass.lower()] = t("class_count", v.lang, klass=klass)
        labels[f"{klass.lower()}_persen"] = t("class_share", v.lang, klass=klass)
    labels["pembentukan"] = t("total", v.lang)
    st.dataframe(export.display(table, v.lang, labels), hide_index=True)
    source_note(t("class_table_note", v.lang) + " " + source_caption(v))
    table_downloads(table, v, stem(v, "tabel-klasifikasi"), key=key, title=title, labels=labels)


def clicked(key: str) -> str | None:
    """The code or id a click on chart ``key`` selected (the first point's ``customdata``)."""
    event = st.session_state.get(key)
    for point in event.selection.points if event is not None else []:
        data = point.get("customdata")
        if data:
            return str(data[0])
    return None


def printed_differs(v: View, snapshot: pd.Series) -> None:
    """Warn where the class a source printed differs from the one its scores give (with both indices)."""
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


def data_quality(v: View, snapshot: pd.Series, raw_known: bool) -> None:
    """A Kampung KB's data-quality flags at its snapshot (unknown where the source gave no raw values)."""
    st.subheader(t("dq_title", v.lang))
    flags = [f for f in DQ_FLAGS if raw_known and not pd.isna(snapshot.get(f)) and bool(snapshot.get(f))]
    if not raw_known:
        st.info(t("dq_unknown", v.lang))
    elif flags:
        st.warning("\n".join(f"- {t(f, v.lang)}" for f in flags))
    else:
        st.success(t("dq_none", v.lang))


def _pick() -> None:
    st.session_state[state.param("kampung")] = st.session_state.get("profil_pilih") or ""


def kampung_picker(v: View) -> None:
    """Profil's picker of the Kampung KB of the sidebar's kab/kota or kecamatan (none above)."""
    if v.level < 2:
        return
    nearby = cache.kampung(v.code, v.periode, v.metode)
    if nearby.empty:
        return
    names = dict(zip(nearby["id"], nearby["nama"] + " · " + nearby["desa"].fillna(""), strict=True))
    st.selectbox(
        t("kampung_pick", v.lang, region=region_name(v.code)),
        ["", *nearby["id"]],
        format_func=lambda i: names.get(i, "–"),
        key="profil_pilih",
        on_change=_pick,
    )
