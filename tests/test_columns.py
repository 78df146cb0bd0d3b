"""``kkb.columns``: the snapshot's columns (SPEC §4.1) are each a flag or a count, named once."""

from __future__ import annotations

from kkb import columns
from kkb.indicators import INDICATORS
from kkb.ingest.template import TEMPLATE_COLUMNS


def test_every_input_column_is_a_flag_or_a_count_and_named_once() -> None:
    inputs = columns.INPUT_COLUMNS
    assert len(inputs) == len(set(inputs))
    assert set(inputs) == set(columns.FLAG_COLUMNS) | set(columns.COUNT_COLUMNS)
    assert not set(columns.FLAG_COLUMNS) & set(columns.COUNT_COLUMNS)


def test_the_lists_inside_are_parts_of_the_inputs() -> None:
    inputs = set(columns.INPUT_COLUMNS)
    for part in (
        columns.POKTAN,
        columns.METHODS_KB,
        columns.NOT_USING,
        columns.DENOMINATORS,
        columns.PARTICIPANTS,
    ):
        assert set(part) <= inputs
    assert set(columns.MKJP_METHODS) <= set(columns.METHODS_KB)
    assert [p for p, _ in columns.PARTICIPATION_PAIRS] == list(columns.PARTICIPANTS)
    assert {d for _, d in columns.PARTICIPATION_PAIRS} <= set(columns.DENOMINATORS)
    assert set(columns.UNUSED_BY_RULES) <= inputs and set(columns.COUNT_LIMITS) <= set(columns.COUNT_COLUMNS)


def test_the_import_template_holds_every_input_column_in_order() -> None:
    template = [c for c in TEMPLATE_COLUMNS if c in set(columns.INPUT_COLUMNS)]
    assert template == list(columns.INPUT_COLUMNS)
    assert len(INDICATORS) == 12
