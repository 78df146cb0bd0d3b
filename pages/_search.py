"""Find a Kampung KB by name: a search box and its results, on Profil and in the sidebar.

A result is a button: it opens that Kampung KB's profile (from the sidebar, on the Profil page) and
clears the search, so the list does not linger over the profile it opened.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from kkb import fmt, search
from kkb.i18n import t
from pages import _cache as cache
from pages import _state as state

GO = "_buka_profil"


def _open(kampung_id: str, box: str, elsewhere: bool, into: str) -> None:
    st.session_state[state.param(into)] = kampung_id
    st.session_state[box] = ""
    if elsewhere:
        st.session_state[GO] = kampung_id


def box(
    lang: str,
    *,
    key: str,
    where: Any = st,
    limit: int = search.LIMIT,
    elsewhere: bool = False,
    into: str = "kampung",
) -> None:
    """The search box in ``where`` (``st`` or ``st.sidebar``) and up to ``limit`` results under it.

    A result sets the link parameter ``into`` (the profile's ``kampung``, the simulator's ``dari``);
    ``elsewhere``: it also goes to the Profil page (``follow`` takes the dashboard there).
    """
    query = where.text_input(
        t("search_label", lang), key=key, placeholder=t("search_placeholder", lang), icon=":material/search:"
    ).strip()
    if not query:
        return
    found = cache.find_kampung(query)
    if found.empty:
        where.caption(t("search_none", lang, query=fmt.plain(query)))
        return
    where.caption(t("search_found", lang, n=min(len(found), limit)))
    for i, row in enumerate(found.head(limit).itertuples(index=False)):
        where.button(
            fmt.plain(search.label(row._asdict())),
            key=f"{key}_{i}",
            on_click=_open,
            args=(row.id, key, elsewhere, into),
            type="tertiary",
        )


def follow() -> None:
    """After a sidebar result was chosen: go to the Profil page (call where the navigation is set)."""
    kampung_id = st.session_state.pop(GO, None)
    if kampung_id:
        # only the new parameter: the sidebar's own (bound to its widgets) carry over by themselves
        st.switch_page("pages/profil.py", query_params={state.param("kampung"): kampung_id})
