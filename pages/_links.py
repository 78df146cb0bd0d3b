"""A shared link's values, read once per session: what can be read is fixed, what cannot is said.

A link names its view with the labels people read (``prov=Banten``, ``periode=2023-10``,
``lang=English``). Before the sidebar's widgets read it, ``check`` takes ``lang=en`` and names in
another case, and removes what matches nothing, returning a sentence for each, in the link's language.
"""

from __future__ import annotations

import difflib

import streamlit as st

from kkb import fmt
from kkb.i18n import t
from kkb.regions import NATION
from pages import _cache as cache
from pages import _state as state

#: what a shared link may say for each language (``lang=en`` as well as the radio's own ``English``)
LANG_ALIASES = {
    "id": "id",
    "in": "id",
    "indonesia": "id",
    "bahasa": "id",
    "en": "en",
    "english": "en",
    "inggris": "en",
}
CHECKED = "_link_checked"


def check() -> list[str]:
    """Read a shared link's values once per session: fix what can be read, say what was not found.

    ``lang=en`` means English; a province, kab/kota, kecamatan or periode written in another case is
    taken. A value that matches nothing is removed from the link, and the returned messages (in the
    link's language) say which value was not found and what is shown instead.
    """
    if st.session_state.get(CHECKED):
        return []
    st.session_state[CHECKED] = True
    params = st.query_params
    raw_lang = params.get(state.LANG)
    language = "id"
    messages: list[str] = []
    if raw_lang is not None:
        found = LANG_ALIASES.get(raw_lang.strip().lower())
        if found is None:
            messages.append(t("link_bad_lang", language, value=fmt.plain(raw_lang)))
            del params[state.LANG]
        else:
            language = found
            params[state.LANG] = state.LANG_NAMES[found]
            st.session_state[state.LANG] = found
    names = cache.regions()
    parent, shown = NATION, t("all_provinces", language)
    for key, label, name_of in (
        (state.PROV, "province", names.name),
        (state.KAB, "kabkota", names.label),
        (state.KEC, "kecamatan", names.name),
    ):
        value = params.get(key)
        if value is None:
            continue
        children = names.children(parent) if parent is not None else []
        by_name = {name_of(c).casefold(): c for c in children}
        code = by_name.get(value.strip().casefold())
        if code is None:
            close = difflib.get_close_matches(value.strip().casefold(), list(by_name), n=3, cutoff=0.6)
            messages.append(
                t(
                    "link_bad_region",
                    language,
                    what=t(label, language).lower(),
                    value=fmt.plain(value),
                    shown=fmt.plain(shown),
                    close=", ".join(name_of(by_name[c]) for c in close) or "–",
                )
            )
            for later in (state.PROV, state.KAB, state.KEC)[(state.PROV, state.KAB, state.KEC).index(key) :]:
                if later in params:
                    del params[later]
            break
        params[key] = name_of(code)
        st.session_state[key] = code
        parent, shown = code, name_of(code)
    periode = params.get(state.PERIODE)
    months = cache.periods()
    if periode is not None and periode.strip() not in months and months:
        messages.append(
            t("link_bad_periode", language, value=fmt.plain(periode), shown=months[-1], first=months[0])
        )
        del params[state.PERIODE]
    return messages
