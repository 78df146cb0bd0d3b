"""What the demo registry is shaped to (SPEC §7): published figures as formation and class-mix anchors.

Each anchor is a month and a value the synthetic registry passes through; between anchors it is
interpolated. The national curves give every province its shape; the calibration units (Banten,
Kab. Serang, Riau, Kab. Tabanan) follow the counts and shares published for them, whose sources
are named beside each figure.
"""

from __future__ import annotations

from dataclasses import dataclass

Anchors = tuple[tuple[str, float], ...]
MixAnchors = tuple[tuple[str, tuple[float, float, float, float]], ...]

#: share of a province's desa/kelurahan with a desa-level Kampung KB (the national shape)
NATIONAL_FORMATION: Anchors = (
    ("2015-12", 0.0),
    ("2016-12", 0.0075),
    ("2017-12", 0.085),
    ("2018-12", 0.15),
    ("2019-12", 0.175),
    ("2020-12", 0.185),
    ("2021-12", 0.193),
    ("2022-07", 0.2075),
    ("2022-12", 0.225),
    ("2023-05", 0.263),
    ("2023-12", 0.36),
    ("2024-12", 0.72),
    ("2025-12", 0.93),
)
#: class shares (Dasar, Berkembang, Mandiri, Berkelanjutan) among formed Kampung KB
NATIONAL_MIX: MixAnchors = (
    ("2016-01", (0.92, 0.06, 0.02, 0.0)),
    ("2018-12", (0.7, 0.2, 0.08, 0.02)),
    ("2020-12", (0.55, 0.27, 0.13, 0.05)),
    ("2022-12", (0.45, 0.3, 0.17, 0.08)),
    ("2023-12", (0.43, 0.3, 0.17, 0.1)),
    ("2024-12", (0.42, 0.29, 0.18, 0.11)),
    ("2025-12", (0.33, 0.3, 0.22, 0.15)),
)

# Banten (36) as a whole and Kab. Serang (36.04) inside it: counts, so the rest is their difference.
_BANTEN_FORMED: tuple[tuple[str, int], ...] = (
    ("2015-12", 0),
    ("2016-12", 8),
    ("2017-12", 155),
    ("2019-12", 260),
    ("2021-12", 330),
)
_BANTEN_FORMED += (("2022-12", 600), ("2023-10", 906), ("2024-12", 1300), ("2025-12", 1480))
_SERANG_FORMED: tuple[tuple[str, int], ...] = (
    ("2015-12", 0),
    ("2016-12", 1),
    ("2017-12", 29),
    ("2019-12", 50),
    ("2021-12", 62),
)
_SERANG_FORMED += (("2022-12", 110), ("2023-10", 165), ("2024-12", 250), ("2025-12", 300))
_BANTEN_MIX: MixAnchors = (
    ("2016-01", (0.92, 0.06, 0.02, 0.0)),
    ("2019-12", (0.7, 0.2, 0.08, 0.02)),
    ("2022-12", (0.52, 0.27, 0.15, 0.06)),
    (
        "2023-10",
        (0.46, 0.2972, 0.16, 0.0828),
    ),  # 24.28 % mandiri plus (bantennews.co.id, 1 Nov 2023)
    ("2024-12", (0.41, 0.3, 0.18, 0.11)),
    ("2025-12", (0.35, 0.3, 0.21, 0.14)),
)
_SERANG_MIX: MixAnchors = (
    ("2016-01", (0.92, 0.06, 0.02, 0.0)),
    ("2019-12", (0.7, 0.2, 0.08, 0.02)),
    ("2022-12", (0.52, 0.27, 0.15, 0.06)),
    ("2023-10", (0.4667, 0.2909, 0.1576, 0.0848)),  # 40 of 165 mandiri plus (same source)
    ("2024-12", (0.41, 0.3, 0.18, 0.11)),
    ("2025-12", (0.35, 0.3, 0.21, 0.14)),
)


@dataclass(frozen=True)
class Unit:
    """A calibration unit: the desa of ``code`` not claimed by a more specific unit.

    Formation anchors are counts of desa with a desa-level Kampung KB when ``counts`` is set, else
    shares of the unit's desa. ``legacy`` adds that many RW/Dusun-level Kampung KB formed 2016–2019
    in desa that later also get a desa-level one.
    """

    code: str
    formation: Anchors
    mix: MixAnchors
    counts: bool = False
    legacy: int = 0


SPECIAL_UNITS = (
    Unit(
        "36.04",
        tuple((p, float(n)) for p, n in _SERANG_FORMED),
        _SERANG_MIX,
        counts=True,
    ),
    Unit(
        "36",
        tuple((p, float(b - s)) for (p, b), (_, s) in zip(_BANTEN_FORMED, _SERANG_FORMED, strict=True)),
        _BANTEN_MIX,
        counts=True,
    ),
    Unit(
        "14",  # Riau: 310 in Sep 2022 (sonora.id); 1,990 in 2023, 1,812 mandiri plus (antaranews)
        (
            ("2015-12", 0.0),
            ("2017-12", 0.0),
            ("2022-09", 120.0),
            ("2023-12", 1800.0),
            ("2024-09", 1862.0),
            ("2025-12", 1862.0),
        ),
        (
            ("2016-01", (0.92, 0.06, 0.02, 0.0)),
            ("2019-12", (0.65, 0.22, 0.1, 0.03)),
            ("2022-09", (0.45, 0.3, 0.17, 0.08)),
            ("2023-06", (0.06, 0.05, 0.53, 0.36)),
            ("2023-12", (0.0452, 0.0442, 0.5306, 0.38)),  # 1,812 of 1,990 = 91.06 %
            ("2025-12", (0.04, 0.04, 0.48, 0.44)),
        ),
        counts=True,
        legacy=190,
    ),
    Unit(
        "51.02",  # Kab. Tabanan, all 133 desa; class mix of Jun/Jul/Aug 2025 from balienews.com
        (
            ("2015-12", 0.0),
            ("2016-12", 1.0),
            ("2017-12", 10.0),
            ("2022-12", 40.0),
            ("2024-12", 110.0),
        )
        + (("2025-05", 133.0), ("2025-12", 133.0)),
        (
            ("2016-01", (0.92, 0.06, 0.02, 0.0)),
            ("2022-12", (0.55, 0.27, 0.13, 0.05)),
            ("2024-12", (0.42, 0.33, 0.07, 0.18)),
            ("2025-06", (0.3609, 0.3308, 0.0526, 0.2557)),
            ("2025-07", (0.2331, 0.3308, 0.1353, 0.3008)),
            ("2025-08", (0.0977, 0.2782, 0.1729, 0.4512)),
            ("2025-12", (0.09, 0.27, 0.18, 0.46)),
        ),
        counts=True,
    ),
)
