"""Simulasi klasifikasi's widgets: where the values start, the form, and the link that keeps them.

Every field is a widget keyed ``sim_<column>``; the link's ``nilai`` holds all of them
(``kkb.simulate.encode``), rewritten on each change, so a copied link opens the same simulation.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from kkb import fmt, simulate
from kkb.i18n import t
from kkb.indicators import DIMENSIONS, INDICATOR_BY_KEY
from kkb.sentences import kampung_source_text
from kkb.simulate import FIELDS, Values
from kkb.view import View
from pages import _cache as cache
from pages import _state as state

SEEDED = "_sim_dari"


@dataclass(frozen=True)
class Start:
    """Where a simulation starts: the values, and the snapshot they come from (none: nothing reported)."""

    values: Values
    #: the words of ``sim_from`` (name, id, periode, source) when the values are a snapshot's
    snapshot: dict[str, str] | None = None
    synthetic: bool = False
    warning: str | None = None

    @property
    def heading(self) -> str | None:
        """``Kampung KB Margasana (D3600927)``, when the values are a Kampung KB's."""
        return f"{self.snapshot['name']} ({self.snapshot['id']})" if self.snapshot else None

    def said(self, lang: str, changed: int) -> str:
        """Where the values come from, and how many of them were changed since."""
        if self.snapshot is None:
            return t("sim_from_blank", lang)
        return t("sim_from", lang, n=fmt.number(changed, lang), **self.snapshot)


def start(v: View, kampung_id: str) -> Start:
    """The starting values: the Kampung KB's snapshot at the view's periode, else nothing reported."""
    if not kampung_id:
        return Start(simulate.blank())
    found = cache.profile(kampung_id, v.metode)
    if found is None:
        return Start(simulate.blank(), warning=t("sim_unknown_start", v.lang, id=kampung_id))
    who = found.identity
    snapshot = found.at(v.periode)
    if snapshot is None:
        warning = t("sim_no_snapshot", v.lang, name=who["nama"], periode=v.periode)
        return Start(simulate.blank(), warning=warning)
    words = {
        "name": str(who["nama"]),
        "id": str(who["id"]),
        "periode": str(snapshot["periode"]),
        "source": kampung_source_text(who, v.lang),
    }
    return Start(simulate.from_snapshot(snapshot.to_dict()), words, who["sumber"] == "sintetis")


def _key(column: str) -> str:
    return f"sim_{column}"


def put(values: Values) -> None:
    """Set every field's widget to ``values`` (before the widgets are drawn)."""
    for f in FIELDS:
        value = values.get(f.column)
        st.session_state[_key(f.column)] = bool(value) if f.flag else (None if value is None else int(value))


def current() -> Values:
    """The values the fields hold now."""
    out: Values = {}
    for f in FIELDS:
        held = st.session_state.get(_key(f.column))
        out[f.column] = (1.0 if held else 0.0) if f.flag else (None if held is None else float(held))
    return out


def _write_link() -> None:
    state.set_link(nilai=simulate.encode(current()))


def seed(kampung_id: str, begin: Start) -> list[str]:
    """Fill the fields once per start: from the link's ``nilai`` on arrival, else from ``begin``.

    Returns the parts of the link that could not be read.
    """
    problems: list[str] = []
    if SEEDED not in st.session_state and state.link_value("nilai") is not None:
        values, problems = simulate.decode(state.link_value("nilai") or "")
        put(values)
    elif st.session_state.get(SEEDED) != kampung_id:
        put(begin.values)
        _write_link()
    st.session_state[SEEDED] = kampung_id
    return problems


def restart(values: Values) -> None:
    """A button's callback: the fields back to ``values`` and the link with them."""
    put(values)
    _write_link()


def form(v: View) -> Values:
    """The fields, one tab per dimension, grouped by the indicator each feeds; returns their values."""
    tabs = st.tabs([t(f"dim_{d}", v.lang) for d in DIMENSIONS])
    for tab, dimension in zip(tabs, DIMENSIONS, strict=True):
        with tab:
            groups = dict.fromkeys(
                f.indicator for f in FIELDS if INDICATOR_BY_KEY[f.indicator].dimension == dimension
            )
            for indicator in groups:
                st.markdown(f"**{t(f'sim_group_{indicator}', v.lang)}**")
                fields = [f for f in FIELDS if f.indicator == indicator]
                columns = st.columns(2)
                for i, f in enumerate(fields):
                    where = columns[i % 2]
                    label = t(f"in_{f.column}", v.lang)
                    if f.flag:
                        where.checkbox(label, key=_key(f.column), on_change=_write_link)
                    else:
                        where.number_input(
                            label,
                            min_value=0,
                            max_value=f.limit,
                            step=1,
                            key=_key(f.column),
                            on_change=_write_link,
                        )
            if dimension == "output":
                st.caption(t("sim_empty_hint", v.lang))
    return current()
