"""The demo's anchors: well-formed curves, and the published figures they are meant to carry (SPEC §7)."""

from __future__ import annotations

import pytest

from kkb.demo_anchors import NATIONAL_FORMATION, NATIONAL_MIX, SPECIAL_UNITS, MixAnchors, Unit
from kkb.regions import is_valid_code

UNITS = {u.code: u for u in SPECIAL_UNITS}


def _share_at(mix: MixAnchors, periode: str) -> tuple[float, float, float, float]:
    return dict(mix)[periode]


@pytest.mark.parametrize("unit", SPECIAL_UNITS, ids=lambda u: u.code)
def test_every_curve_runs_forward_in_time_and_every_mix_sums_to_one(unit: Unit) -> None:
    for anchors in (unit.formation, unit.mix):
        months = [p for p, _ in anchors]
        assert months == sorted(months) and len(set(months)) == len(months)
    values = [v for _, v in unit.formation]
    assert values == sorted(values)  # formed Kampung KB are never unformed
    assert all(sum(share) == pytest.approx(1.0, abs=1e-3) for _, share in unit.mix)
    assert is_valid_code(unit.code)


def test_the_national_curves_are_shares() -> None:
    shares = [v for _, v in NATIONAL_FORMATION]
    assert shares == sorted(shares) and shares[0] >= 0 and shares[-1] <= 1
    assert all(sum(share) == pytest.approx(1.0, abs=1e-3) for _, share in NATIONAL_MIX)


def test_the_published_class_mixes_are_carried() -> None:
    """bantennews.co.id (1 Nov 2023): Banten 24.28 % mandiri plus, Kab. Serang 40 of 165;
    riau.antaranews.com: Riau 1,812 of 1,990 mandiri plus in 2023 (SPEC §6)."""
    banten = _share_at(UNITS["36"].mix, "2023-10")
    assert banten[2] + banten[3] == pytest.approx(0.2428, abs=5e-5)
    serang = _share_at(UNITS["36.04"].mix, "2023-10")
    assert (serang[2] + serang[3]) * 165 == pytest.approx(40, abs=0.05)
    riau = _share_at(UNITS["14"].mix, "2023-12")
    assert (riau[2] + riau[3]) * 1990 == pytest.approx(1812, abs=1)
