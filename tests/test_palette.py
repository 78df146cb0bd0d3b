"""``kkb.palette``: one colour per class, all valid, told apart, and in the form each renderer wants."""

from __future__ import annotations

import re

from kkb import charts, palette
from kkb.classification import CLASSES


def test_every_class_has_its_own_colour_and_charts_use_the_same() -> None:
    assert list(palette.CLASS) == list(CLASSES)
    assert len(set(palette.CLASS.values())) == len(CLASSES)
    assert charts.CLASS_COLOURS == palette.CLASS and palette.UNCLASSIFIED not in palette.CLASS.values()


def test_every_colour_is_a_hex_triplet_and_hex6_drops_the_hash() -> None:
    colours = [v for v in vars(palette).values() if isinstance(v, str) and v.startswith("#")]
    colours += [*palette.CLASS.values(), *palette.DIMENSION.values(), *palette.COLORWAY]
    assert colours and all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in colours), colours
    assert palette.hex6(palette.ACCENT) == "4477AA"
