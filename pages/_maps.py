"""What Peta colours by: each metric's scale (a percentage or not) and colour, and what a download carries.

Part of the rendering room. The Kampung KB figures come from the report's regions one level down;
the family-planning context (``CONTEXT``) from New SIGA at the month it is of, with its own source.
"""

from __future__ import annotations

from kkb import charts, palette

METRICS = {
    "cakupan_desa_persen": (True, charts.ACCENT),
    "mandiri_plus_persen": (True, charts.CLASS_COLOURS["Mandiri"]),
    "capaian_persen": (True, charts.TARGET_COLOUR),
    "per_100_desa": (False, charts.ACCENT),
    "dasar_persen": (True, charts.CLASS_COLOURS["Dasar"]),
    "berkembang_persen": (True, palette.CLASS_ON_MAP["Berkembang"]),
    "mandiri_persen": (True, charts.CLASS_COLOURS["Mandiri"]),
    "berkelanjutan_persen": (True, charts.CLASS_COLOURS["Berkelanjutan"]),
    # the family-planning context of New SIGA (kkb.context), at the month it is of
    "mcpr": (True, charts.ACCENT),
    "cpr": (True, charts.ACCENT),
    "mkjp": (True, charts.CLASS_COLOURS["Mandiri"]),
    "unmet_need_persen": (True, charts.CLASS_COLOURS["Dasar"]),
}
CONTEXT = ("mcpr", "cpr", "mkjp", "unmet_need_persen")

#: the counts a map's download carries beside its metric
COUNTS = ("pembentukan", "desa_terbentuk", "jml_desa_kel", "terklasifikasi")


def carried(metric: str) -> list[str]:
    """The columns a map's download carries: the region, its value, and the counts behind it."""
    counts = ("desa_pus", "pus") if metric in CONTEXT else COUNTS
    return ["kode", "wilayah", metric, *counts]
