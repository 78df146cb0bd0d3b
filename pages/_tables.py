"""Tables pages show the same way: their columns named in the UI language, values formatted in it.

Part of the rendering room (``_render.py`` draws charts, metrics and downloads; this holds the
column labels and formatting of the tables several pages or long pages show).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kkb import explore, export, fmt
from kkb.i18n import t
from kkb.indicators import DIMENSIONS, INDICATOR_BY_KEY, INDICATORS, SCORE_COLUMNS
from kkb.slipping import shown as slipping_words
from kkb.view import View
from pages import _render as render


def import_log(v: View, log: pd.DataFrame, *, hashes: bool = False) -> None:
    """The import history (``ingest.history``): number, shape in words, regions, file, time (and hash)."""
    shapes = [t(f"shape_{b}" if isinstance(b, str) else "shape_impor", v.lang) for b in log["bentuk"]]
    labels = {
        "id": t("import_number", v.lang),
        "bentuk": t("import_shape", v.lang),
        "wilayah": t("import_regions", v.lang),
    }
    shown = log.assign(bentuk=shapes)
    shown = shown if hashes else shown.drop(columns="sha256")
    st.dataframe(export.display(shown, v.lang, labels), hide_index=True)


def targets(v: View, table: pd.DataFrame) -> None:
    """The targets and published figures with their sources (``store.targets``)."""
    shown = table.assign(
        # as text in the interface's number format (a "localized" column follows the browser, not the page)
        nilai=[fmt.number(x, v.lang, 0 if float(x).is_integer() else 2) for x in table["nilai"]],
        wilayah=[render.region_name(str(c)) for c in table["kode_wilayah"]],
        metrik_label=[t(str(m), v.lang) for m in table["metrik"]],
        jenis_label=[t(f"jenis_{j}", v.lang) for j in table["jenis"]],
    )
    labels = {
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
    }
    st.dataframe(shown, hide_index=True, column_order=list(labels), column_config=labels)


def kampung_columns(v: View, frame: pd.DataFrame) -> tuple[list[str], dict[str, object]]:
    """Jelajah's columns of a Kampung KB list and their headers (with the class a source printed)."""
    columns = [
        "id",
        "nama",
        "desa",
        "kecamatan",
        "kabkota",
        "tahun_pencanangan",
        "klasifikasi",
        # the class a source printed, shown where some source gave one (the portal's export, a template)
        *(["klasifikasi_tercetak"] if frame["klasifikasi_tercetak"].notna().any() else []),
        *SCORE_COLUMNS,
        "dq_jumlah",
    ]
    config: dict[str, object] = {
        "id": "ID",
        "nama": t("kampung_name", v.lang),
        "desa": t("desa", v.lang),
        "kecamatan": t("kecamatan", v.lang),
        "kabkota": t("kabkota", v.lang),
        "tahun_pencanangan": st.column_config.NumberColumn(t("formation_year", v.lang), format="%d"),
        "klasifikasi": t("kelas", v.lang),
        "klasifikasi_tercetak": st.column_config.TextColumn(
            t("printed_class", v.lang), help=t("printed_class_help", v.lang)
        ),
        "dq_jumlah": st.column_config.NumberColumn(t("dq_count", v.lang), help=t("dq_count_help", v.lang)),
    }
    for ind, column in zip(INDICATORS, SCORE_COLUMNS, strict=True):
        config[column] = st.column_config.NumberColumn(
            t(f"short_{ind.key}", v.lang), help=t(f"ind_{ind.key}", v.lang), format="%d"
        )
    return columns, config


def first_rows(v: View, shown: pd.DataFrame, columns: list[str], config: dict[str, object]) -> pd.DataFrame:
    """The rows of ``shown`` a table shows (``explore.TABLE_ROWS``), saying when there are more.

    A year no source gives is said so, not left blank (its column then is text).
    """
    if len(shown) > explore.TABLE_ROWS:
        n, of = render.number(explore.TABLE_ROWS, v), render.number(len(shown), v)
        st.caption(t("jelajah_first_rows", v.lang, n=n, of=of))
    table = shown[columns].head(explore.TABLE_ROWS)
    if table["tahun_pencanangan"].isna().any():
        years = [t("unknown", v.lang) if pd.isna(y) else str(int(y)) for y in table["tahun_pencanangan"]]
        table = table.assign(tahun_pencanangan=years)
        config["tahun_pencanangan"] = st.column_config.TextColumn(t("formation_year", v.lang))
    return table


def bands(v: View) -> None:
    """The score bands of the twelve indicators (``explore.bands_table``), with downloads."""
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


def decision(v: View) -> None:
    """Which class each pass/fail pattern of the three dimensions gives (``explore.decision_table``)."""
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


def schedule(v: View, shown: pd.DataFrame) -> None:
    """Target's schedule table: each region's status, target, attainment, pace, projection, deadline."""
    labels = {
        "wilayah": t("region_label", v.lang),
        "status": t("status", v.lang),
        "target": t("target_line", v.lang),
        "target_tahun": t("year", v.lang),
        "capaian": t("capaian", v.lang),
        "laju_teks": t("laju", v.lang),
        "proyeksi_teks": t("proyeksi", v.lang),
        "tenggat": t("deadline", v.lang),
    }
    st.dataframe(shown[list(labels)], hide_index=True, column_config=labels)


def scores(v: View, scores: pd.DataFrame) -> tuple[dict[str, str], pd.DataFrame]:
    """The twelve indicators' names, and their table as shown: value in words, score and its band."""
    labels = {k: t(f"ind_{k}", v.lang) for k in scores["indikator"]}
    table = scores.assign(
        indikator_label=[labels[k] for k in scores["indikator"]],
        nilai_teks=[
            "–" if pd.isna(x) else (fmt.percent(x, v.lang, 0) if u == "persen" else fmt.number(x, v.lang))
            for x, u in zip(scores["nilai"], scores["satuan"], strict=True)
        ],
        rentang_skor=[
            explore.band_text(
                INDICATOR_BY_KEY[k], int(s), " %" if INDICATOR_BY_KEY[k].unit == "persen" else ""
            )
            for k, s in zip(scores["indikator"], scores["skor"], strict=True)
        ],
    )
    return labels, table


def slipping(v: View, behind: pd.DataFrame, level: str, region: str) -> None:
    """Target's list of the regions below that are behind target (``kkb.slipping``), with downloads."""
    title = t("slip_title", v.lang, level=level, region=region)
    st.subheader(title)
    if behind.empty:
        st.success(t("slip_none", v.lang, level=level))
        return
    st.markdown(t("slip_summary", v.lang, n=len(behind), level=level))
    table = slipping_words(behind, v.lang)
    st.dataframe(export.display(table, v.lang), hide_index=True, key="tertinggal")
    st.caption(t("slip_note", v.lang))
    render.source_note(render.source_caption(v))
    render.table_downloads(behind, v, render.stem(v, "tertinggal-dari-target"), key="tertinggal", title=title)
