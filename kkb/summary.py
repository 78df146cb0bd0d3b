"""The metrics of one region as a readable table (``python -m kkb summary``)."""

from __future__ import annotations

import math

import pandas as pd

from kkb import context, db, fmt, overview, store
from kkb.classification import CLASSES
from kkb.i18n import t
from kkb.metrics import RegionMetrics
from kkb.regions import Regions
from kkb.sentences import attainment_text, pace_text, projection_text, source_text


def render(
    m: RegionMetrics,
    name: str,
    synthetic: bool,
    lang: str = "id",
    source: str = "",
    fp: context.Context | None = None,
    poktan: pd.DataFrame | None = None,
) -> str:
    """Render ``m`` as aligned lines of label and value, with the region's family-planning context."""

    def n(value: float | None) -> str:
        return t("unknown", lang) if value is None else fmt.number(value, lang)

    def pct(value: float) -> str:
        return fmt.percent(value, lang, 2)

    rows = [
        (t("region_label", lang), f"{name} ({m.kode})"),
        (t("periode_label", lang), f"{m.periode} · {t('method_label', lang).lower()} {m.metode}"),
        (t("pembentukan", lang), n(m.pembentukan)),
        (t("desa_terbentuk", lang), f"{n(m.desa_terbentuk)} / {n(m.jml_desa_kel)}"),
        (t("cakupan_desa_persen", lang), pct(m.cakupan_desa_persen)),
        (
            t("cakupan_kec_persen", lang),
            f"{pct(m.cakupan_kec_persen)} ({n(m.kec_terbentuk)} / {n(m.jml_kecamatan)})",
        ),
        (t("terklasifikasi", lang), n(m.terklasifikasi)),
    ]
    for c in CLASSES:
        rows.append((f"  {c}", f"{n(m.kelas[c])} ({pct(m.kelas_persen[c])})"))
    rows += [
        (t("mandiri_plus_persen", lang), f"{pct(m.mandiri_plus_persen)} ({n(m.mandiri_plus)})"),
        (
            f"{t('capaian', lang)}: {t('pembentukan', lang).lower()}",
            attainment_text(m.capaian["pembentukan"], lang, m.periode),
        ),
        (
            f"{t('capaian', lang)}: {t('cakupan_desa_persen', lang).lower()}",
            attainment_text(m.capaian["cakupan_desa_persen"], lang, m.periode),
        ),
        (
            f"{t('capaian', lang)}: mandiri plus %",
            attainment_text(m.capaian["mandiri_plus_persen"], lang, m.periode),
        ),
        (
            f"{t('capaian', lang)}: mandiri plus n",
            attainment_text(m.capaian["mandiri_plus_jumlah"], lang, m.periode),
        ),
        (t("laju", lang), pace_text(m, lang)),
        (t("proyeksi", lang), projection_text(m, lang)),
    ]
    for metric, (rank, of) in m.peringkat.items():
        rows.append(
            (
                f"{t('rank', lang)}: {t(metric, lang).lower()}",
                t("rank_value", lang, rank=rank, of=of),
            )
        )
    for metric, change in m.perubahan_tahunan.items():
        unit = "pp" if metric.endswith("persen") else ""
        rows.append(
            (
                f"{t('yoy', lang)}: {t(metric, lang).lower()}",
                fmt.signed(change, lang, 2 if unit else 0, unit),
            )
        )
    if source:
        rows.append((t("source_label", lang), source))
    if fp is not None:
        rows += context_rows(fp, lang)
    rows += group_rows(poktan, lang)
    if m.before_data:
        rows.insert(2, (t("data_label", lang), t("before_data", lang, since=m.data_sejak)))
    width = max(len(label) for label, _ in rows)
    lines = [f"{label:<{width}}  {value}" for label, value in rows]
    if synthetic:
        lines.append("")
        lines.append(t("synthetic_notice", lang))
    return "\n".join(lines)


def context_rows(c: context.Context, lang: str = "id") -> list[tuple[str, str]]:
    """The lines of a region's family-planning context: PUS, CPR, mCPR, MKJP, unmet need, source."""
    none = t("context_no_data", lang)
    labels = context.LABELS
    source = (t("context_label", lang), context.source_line(c, lang))
    if not c.known:
        return [("PUS", none), *((label, none) for label in labels.values()), source]
    reporting = t(
        "context_reporting", lang, n=fmt.number(c.desa_pus, lang), total=fmt.number(c.desa_total, lang)
    )
    rows = [("PUS", f"{fmt.number(c.pus, lang)} ({reporting})")]
    for rate, label in labels.items():
        value = c.rate[rate]
        top, bottom, _desa = c.counts[rate]
        if math.isnan(value):
            rows.append((label, none))
            continue
        numerator, denominator = context.PARTS_SHOWN[rate]
        division = f"{numerator} {fmt.number(top, lang)} ÷ {denominator} {fmt.number(bottom, lang)}"
        shown = f"{fmt.percent(value, lang, 2)} ({division})"
        if rate in c.change:
            shown += f", {t('yoy', lang).lower()} {fmt.signed(c.change[rate], lang, 2, 'pp')}"
        rows.append((label, shown))
    return [*rows, source]


def group_rows(groups: pd.DataFrame | None, lang: str = "id") -> list[tuple[str, str]]:
    """A line per poktan and Rumah DataKu New SIGA reported (``context.groups``); none when there are none."""
    if groups is None:
        return []
    rows: list[tuple[str, str]] = []
    for g in groups.to_dict("records"):
        having = t(
            "poktan_presence",
            lang,
            n=fmt.number(g["desa_ada"], lang),
            total=fmt.number(g["desa"], lang),
            pct=fmt.percent(g["persen_desa_ada"], lang, 1),
        )
        if g["kelompok"] == "dataku":
            shown = t("dataku_line", lang, n=fmt.number(g["ada"], lang), having=having)
            if not math.isnan(g["persen_sk"]):
                sk = fmt.percent(g["persen_sk"], lang, 1)
                shown += ", " + t("dataku_sk", lang, n=fmt.number(g["sk_ada"], lang), pct=sk)
        else:
            shown = t("poktan_line", lang, n=fmt.number(g["ada"], lang), having=having)
            if not math.isnan(g["persen_lapor"]):
                reported = fmt.percent(g["persen_lapor"], lang, 1)
                shown += ", " + t("poktan_reporting", lang, n=fmt.number(g["lapor"], lang), pct=reported)
            if not math.isnan(g["ubah_lapor"]):
                shown += f" ({t('yoy', lang).lower()} {fmt.signed(g['ubah_lapor'], lang, 1, 'pp')})"
        rows.append((g["nama"], f"{shown} — New SIGA {g['periode']} ({g['sumber']})"))
    return rows


def summary_text(con: db.Connection, code: str, periode: str | None, metode: str, lang: str = "id") -> str:
    """Compute and render the metrics of ``code``; raise ``KkbError`` on an unknown code or periode."""
    wilayah = store.wilayah(con)
    regions = Regions(wilayah)
    regions.require(code)
    m = overview.region(con, code, store.require_periode(con, periode), metode, wilayah=wilayah)
    source = source_text(overview.sources(con, code), m.sintetis > 0, lang)
    fp = context.region(con, code, m.periode)
    poktan = context.groups(con, code, m.periode)
    return render(m, regions.label(code), m.sintetis > 0, lang, source, fp, poktan)
