"""Sentences built from the rules' results, in the UI language: steps, attainment, pace, sources.

Above ``kkb.i18n`` (the words) and the rules (``classification``, ``metrics``): each function takes
a result and says it, e.g. ``CPR: 38 % → minimal 41 % (+9 peserta KB)``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import pandas as pd

from kkb import fmt
from kkb.i18n import DEFAULT_LANG, t
from kkb.metrics import RegionMetrics
from kkb.next_class import NextClassPath, Step
from kkb.targets import Attainment

if TYPE_CHECKING:
    from kkb.overview import Source, Standing


def method_text(name: str, lang: str = DEFAULT_LANG) -> tuple[str, str]:
    """The title and description of classification method ``name`` in ``lang``."""
    return t(f"method_title_{name}", lang), t(f"method_desc_{name}", lang)


#: what to report first where a percentage has no value: its own counts, or (CPR, MKJP) the PUS
_REPORT = {"unmet_need": "report_unmet", "partisipasi_poktan": "report_poktan"}


def step_text(step: Step, lang: str = DEFAULT_LANG) -> str:
    """Describe one step of the path to the next class, e.g. ``CPR: 38 % → minimal 41 % (+9 peserta KB)``."""
    label = t(f"ind_{step.indicator}", lang)
    score = t("step_score", lang, old=step.score_from, new=step.score_to)
    if step.indicator == "pokja":
        return f"{label}: {t(f'step_pokja_{step.score_to - 1}', lang)} ({score})"
    percent_kind = step.indicator in ("partisipasi_poktan", "cpr", "mkjp", "unmet_need")
    if percent_kind:
        old = (
            fmt.percent(step.value_from, lang, 0)
            if step.value_from is not None
            else (t(_REPORT.get(step.indicator, "report_pus"), lang) if step.value_known else "–")
        )
        new = fmt.percent(step.value_to, lang, 0)
        key = "step_pct_down" if step.indicator == "unmet_need" else "step_pct"
        text = t(key, lang, label=label, old=old, new=new)
        extra = {"cpr": "more_users", "mkjp": "more_mkjp", "unmet_need": "fewer_unmet"}.get(step.indicator)
        if extra and step.count_change:  # none to count, or none to add: the step is to report
            text += f" ({t(extra, lang, n=fmt.number(abs(step.count_change), lang))})"
        return f"{text}; {score}"
    old_value = fmt.number(step.value_from, lang) if step.value_from is not None else "–"
    return (
        f"{t('step_count', lang, label=label, old=old_value, new=fmt.number(step.value_to, lang))}; {score}"
    )


def reason_text(snapshot: Mapping[str, object], lang: str = DEFAULT_LANG) -> str:
    """Why a snapshot has its class: which dimensions pass (index ≥ 3) and which do not, with the indices.

    A class taken as printed without indices (method ``impor``) says so instead.
    """
    parts: dict[bool, list[str]] = {True: [], False: []}
    for dim in ("input", "proses", "output"):
        value = snapshot.get(f"indeks_{dim}")
        if value is None or pd.isna(value):  # type: ignore[call-overload]
            return t("reason_printed", lang, klass=snapshot.get("klasifikasi"))
        index = float(value)  # type: ignore[arg-type]
        parts[index >= 3].append(f"{t(f'dim_{dim}', lang).lower()} {fmt.number(index, lang, 2)}")
    none = t("reason_none", lang)
    return t(
        "reason",
        lang,
        klass=snapshot.get("klasifikasi"),
        passing=", ".join(parts[True]) or none,
        failing=", ".join(parts[False]) or none,
    )


def path_text(path: NextClassPath, lang: str = DEFAULT_LANG) -> list[str]:
    """Describe the whole path: a heading line, then one line per step."""
    if path.target is None:
        return [t("path_none", lang)]
    head = t("path_head", lang, current=path.current, target=path.target, n=len(path.steps))
    return [head, *(step_text(s, lang) for s in path.steps)]


def attainment_text(a: Attainment, lang: str = DEFAULT_LANG, periode: str | None = None) -> str:
    """The value, the target and the attainment in words.

    ``35,00 % dari target 40,00 % (2023) — capaian 87,5 %``. With ``periode``, a target of another
    year than the periode's says so. Without a target: that there is none on record.
    """
    if a.target is None:
        return t("no_target", lang)
    percent = a.metric.endswith("_persen")
    shown = fmt.percent if percent else fmt.number
    value = fmt.percent(a.target.value, lang, 2) if percent else fmt.number(a.target.value, lang)
    text = t(
        "attainment_words",
        lang,
        actual=shown(a.actual, lang),
        target=value,
        year=a.target.year,
        percent=fmt.percent(a.percent, lang, 1),
    )
    if periode is not None and int(periode[:4]) != a.target.year:
        text += "; " + t("target_other_year", lang, year=a.target.year, now=periode[:4])
    if a.target.inherited_from:
        text += " " + t("target_inherited", lang)
    return text


def formation_text(who: Mapping[str, object], lang: str = DEFAULT_LANG) -> str:
    """A Kampung KB's formation date, or the year its source gives (``2020 atau sesudahnya``)."""
    date = who.get("tanggal_pencanangan")
    if date is not None and str(date) not in ("", "NaT", "None", "nan"):
        return str(date)[:10]
    year = who.get("tahun_pencanangan")
    if isinstance(year, str) and "/" in year:
        return t("formed_one_of", lang, years=", ".join(year.split("/")))
    if isinstance(year, str) and year.endswith("+"):
        return t("formed_year_or_later", lang, year=year[:-1])
    if isinstance(year, str) and year:
        return t("formed_year", lang, year=year)
    since = who.get("dikenal_sejak")
    if isinstance(since, str) and since:
        return t("formed_known_since", lang, periode=since)
    return t("unknown", lang)


def kampung_source_text(who: Mapping[str, object], lang: str = DEFAULT_LANG) -> str:
    """Where a Kampung KB comes from: the demo registry, or the import that registered it."""
    if who.get("sumber") == "sintetis":
        return t("source_demo", lang)
    shape = who.get("impor_bentuk")
    if not isinstance(shape, str) or who.get("import_id") is None:
        return t("source_registry", lang)
    periode = who.get("impor_periode")
    return t(
        "source_import_periode" if isinstance(periode, str) and periode else "source_import",
        lang,
        shape=t(f"shape_{shape}", lang),
        periode=periode,
        id=int(str(who["import_id"])),
        file=who.get("impor_berkas"),
        when=who.get("impor_waktu"),
    )


def pace_text(m: RegionMetrics, lang: str = DEFAULT_LANG) -> str:
    """The region's formation pace, or why it is not known."""
    if math.isnan(m.laju):
        return t("laju_unknown", lang)
    return t("laju_value", lang, value=fmt.number(m.laju, lang, 1))


def projection_text(m: RegionMetrics, lang: str = DEFAULT_LANG) -> str:
    """Describe when the region's count target is reached at its current pace.

    A deadline already past says the target was missed, and where the region stands now.
    """
    p = m.proyeksi
    if p is None:
        return t("no_target", lang)
    if p.already_reached:
        return t("proyeksi_reached", lang)
    if math.isnan(p.pace):
        return t("proyeksi_unknown", lang)
    if m.periode > p.deadline:
        current = m.pembentukan if m.proyeksi_metrik == "pembentukan" else m.desa_terbentuk
        text = t(
            "proyeksi_missed",
            lang,
            deadline=p.deadline,
            periode=m.periode,
            actual=fmt.number(current, lang),
            target=fmt.number(p.target_value, lang),
        )
        if p.reached_in is None:
            return text + "; " + t("proyeksi_pace_zero", lang)
        return text + "; " + t("proyeksi_month", lang, month=p.reached_in)
    if p.reached_in is None:
        return t("proyeksi_never", lang, deadline=p.deadline)
    if p.reached_in > p.deadline:
        return t("proyeksi_late", lang, deadline=p.deadline, month=p.reached_in)
    return t("proyeksi_month", lang, month=p.reached_in)


def source_text(imports: Sequence[Source], synthetic: bool, lang: str = DEFAULT_LANG) -> str:
    """Where a region's figures come from: the demo registry, its imports, or a mix of both (said so)."""
    parts = [
        t(
            "source_import_periode" if s.periode else "source_import",
            lang,
            shape=t(f"shape_{s.shape or 'impor'}", lang),
            periode=s.periode,
            id=s.import_id,
            file=s.file,
            when=s.when,
        )
        for s in imports
    ]
    if synthetic:
        parts.insert(0, t("source_demo", lang))
    if not parts:
        return t("source_registry", lang)
    if len(parts) == 1:
        return parts[0]
    return t("source_mixed", lang, parts="; ".join(parts))


def goal_labels(goals: pd.DataFrame, lang: str = DEFAULT_LANG) -> list[str]:
    """A name for each row of ``compare.attainments``: ``Banten · Kampung KB terbentuk 2023``."""
    return [
        f"{region} · {t(str(metric), lang)} {year}"
        for region, metric, year in zip(goals["wilayah"], goals["metrik"], goals["tahun"], strict=True)
    ]


def denominator_text(goals: pd.DataFrame, lang: str = DEFAULT_LANG) -> str:
    """Say how the regions' targets differ in what they count, or ``""`` when they measure alike.

    Targets differ when the regions are not held to the same set of metrics, or when one metric's
    target counts something else in one region (its ``penyebut``).
    """
    if goals.empty:
        return ""
    per_region = goals.groupby("wilayah")["metrik"].apply(lambda s: tuple(sorted(set(s))))
    parts = []
    if per_region.nunique() > 1:
        for region, metrics_ in per_region.items():
            parts.append(f"{region}: {', '.join(t(m, lang) for m in metrics_)}")
    for metric, group in goals.groupby("metrik"):
        if group["penyebut"].nunique() > 1:
            parts.append(
                f"{t(str(metric), lang)}: "
                + "; ".join(f"{r} = {p}" for r, p in zip(group["wilayah"], group["penyebut"], strict=True))
            )
    return " · ".join(parts)


def standing_text(
    ends: Standing, shown: Callable[[float], str], percent: bool, lang: str = DEFAULT_LANG
) -> str:
    """Say who leads and who lags in a ranking (``overview.standing``), and how wide the spread is.

    ``shown`` writes one value of the ranked metric; ``percent`` says the spread is in points.
    ``""`` when the ranking has no value at all.
    """
    if ends.top is None or ends.bottom is None:
        return ""
    if ends.top == ends.bottom:
        return t("all_equal", lang, value=shown(ends.top))
    if ends.close:
        return t("all_close", lang, low=shown(ends.bottom), high=shown(ends.top))
    leading = ", ".join(ends.leading) or t("tied_at", lang, n=ends.tied_top, value=shown(ends.top))
    lagging = ", ".join(ends.lagging) or t("tied_at", lang, n=ends.tied_bottom, value=shown(ends.bottom))
    width = fmt.number(ends.spread, lang, 1) + (" " + t("points", lang) if percent else "")
    return (
        t("leading_lagging", lang, leading=leading, lagging=lagging)
        + " "
        + t("spread", lang, low=shown(ends.bottom), high=shown(ends.top), width=width)
    )
