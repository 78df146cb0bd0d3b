"""The view's state: language, region, periode and each page's options, in widgets bound to the URL.

A copied link restores the view: every widget that makes it is bound to a query parameter, and
``PARAMS`` names each parameter once (``tests/test_structure.py`` checks that every page reads and
writes only those, and that each is used).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from kkb.classification import DEFAULT_METHOD
from kkb.i18n import t
from kkb.regions import NATION, level_of
from kkb.view import View
from pages import _cache as cache


@dataclass(frozen=True)
class Param:
    """One query parameter of a shared link: its key (that of the widget bound to it) and what it holds."""

    key: str
    #: the page whose widget it belongs to (``sidebar``: every page's)
    page: str
    what: str
    #: whether the link holds it in the words of the UI language (a widget shown in words)
    worded: bool = False


#: every query parameter a link may carry, named once: pages read and write them through this table
PARAMS: dict[str, Param] = {
    p.key: p
    for p in (
        Param("lang", "sidebar", "UI language: Indonesia or English"),
        Param("prov", "sidebar", "province, by name", worded=True),
        Param("kab", "sidebar", "kab/kota, by label (Kab. Serang)", worded=True),
        Param("kec", "sidebar", "kecamatan, by name", worded=True),
        Param("periode", "sidebar", "the as-of month, YYYY-MM"),
        Param("metode", "sidebar", "classification method (only when the file holds several)"),
        Param("present", "sidebar", "1: presentation mode"),
        Param("slide", "sidebar", "presentation mode's slide, from 1"),
        Param("urut", "ringkasan", "the metric the ranking sorts by", worded=True),
        Param("metrik", "peta", "the metric the map colours by", worded=True),
        Param("kelas", "jelajah", "the classes listed", worded=True),
        Param("tahun", "jelajah", "the years of pencanangan listed"),
        Param("dq", "jelajah", "data-quality filter", worded=True),
        Param("cari", "jelajah", "search text"),
        Param("kampung", "profil", "a Kampung KB's id"),
        Param("banding", "perbandingan", "the regions compared, by label"),
        Param("per100", "perbandingan", "formation per 100 desa instead of counts"),
        Param("banding_paparan", "paparan", "the region the pack compares with", worded=True),
        Param("dari", "simulasi", "the Kampung KB id a simulation starts from"),
        Param("nilai", "simulasi", "every value of a simulation (kkb.simulate.encode)"),
    )
}


def param(key: str) -> str:
    """The key of a query parameter of ``PARAMS`` (a KeyError names a parameter nobody declared)."""
    return PARAMS[key].key


def link_value(key: str) -> str | None:
    """The value of query parameter ``key`` in the current link (None when absent)."""
    return st.query_params.get(param(key))


def set_link(**values: str) -> None:
    """Set query parameters of ``PARAMS`` in the current link."""
    for key, value in values.items():
        st.query_params[param(key)] = value


def drop_link(*keys: str) -> None:
    """Remove query parameters of ``PARAMS`` from the current link."""
    for key in keys:
        if param(key) in st.query_params:
            del st.query_params[param(key)]


LANG, PROV, KAB, KEC = param("lang"), param("prov"), param("kab"), param("kec")
PERIODE, METODE = param("periode"), param("metode")
LANG_NAMES = {"id": "Indonesia", "en": "English"}
#: widgets whose shown values are words in the UI language (the sidebar's and the pages')
WORDED = tuple(k for k, p in PARAMS.items() if p.worded)


# --- the view's state --------------------------------------------------------------------------


def lang() -> str:
    """The UI language chosen in the sidebar (``id`` until the widget exists)."""
    value = st.session_state.get(LANG)
    return value if value in LANG_NAMES else "id"


def _relabel() -> None:
    """After a language switch, set every worded widget to its own value again.

    The browser keeps showing (and the link keeps) a choice in the words it was made in, and a link
    in one language with a choice in the other opens on the default; setting the value anew sends
    it in the new language's words.
    """
    for key in WORDED:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def language_switch() -> str:
    """The language radio at the top of the sidebar; returns ``id`` or ``en``."""
    st.sidebar.radio(
        "Bahasa / Language",
        list(LANG_NAMES),
        format_func=LANG_NAMES.__getitem__,
        key=LANG,
        bind="query-params",
        horizontal=True,
        on_change=_relabel,
    )
    return lang()


def _reset(*keys: str) -> None:
    for key in keys:
        st.session_state[key] = ""


def region_filters(language: str) -> View:
    """The region (provinsi → kab/kota → kecamatan) and periode selectors; returns the view."""
    names = cache.regions()
    side = st.sidebar
    side.subheader(t("region_label", language))
    provinces = names.children(NATION)
    prov = side.selectbox(
        t("province", language),
        ["", *provinces],
        format_func=lambda c: names.name(c) if c else t("all_provinces", language),
        key=PROV,
        bind="query-params",
        on_change=_reset,
        args=(KAB, KEC),
    )
    code = prov or NATION
    if prov:
        kab = side.selectbox(
            t("kabkota", language),
            ["", *names.children(prov)],
            format_func=lambda c: names.label(c) if c else t("all_kabkota", language),
            key=KAB,
            bind="query-params",
            on_change=_reset,
            args=(KEC,),
        )
        if kab:
            code = kab
            kec = side.selectbox(
                t("kecamatan", language),
                ["", *names.children(kab)],
                format_func=lambda c: names.name(c) if c else t("all_kecamatan", language),
                key=KEC,
                bind="query-params",
            )
            code = kec or kab
    months = cache.periods()
    periode = side.selectbox(t("periode_label", language), months[::-1], key=PERIODE, bind="query-params")
    methods = [m for m in (cache.summary().metode or DEFAULT_METHOD).split(", ") if m]
    metode = DEFAULT_METHOD
    if len(methods) > 1:
        metode = side.selectbox(t("method_label", language), methods, key=METODE, bind="query-params")
    return View(language, code, str(periode), str(metode))


def view() -> View:
    """The current view as the sidebar set it (pages call this)."""
    if PagesManager.uses_pages_directory is not False:
        # The page runs without app.py. Streamlit decides per process (and AppTest per run), before
        # any script has run, whether an app with a ``pages/`` folder is a v1 multipage app; then a
        # deep link (``/peta?prov=Banten``) as the first request runs the page file alone. app.py
        # calls st.navigation, which settles the question; tell Streamlit now and run again.
        PagesManager.uses_pages_directory = False
        st.rerun()
    current = st.session_state.get("_view")
    if not isinstance(current, View):
        raise RuntimeError("view belum disiapkan oleh app.py")
    return current


def share_link(language: str) -> None:
    """The "Salin tautan / Copy link" control: this view's address in a code block (with its copy button)."""
    base = st.context.url
    if not base:
        return
    params = st.query_params.to_dict()
    link = base + ("?" + urlencode(params) if params else "")
    # written only once opened: the code block's highlighter is 1.5 MB of code for the browser
    box = st.sidebar.expander(t("copy_link", language), key="salin_tautan", on_change="rerun")
    if box.open:
        with box:
            st.code(link, language=None, wrap_lines=True)
            st.caption(t("copy_link_hint", language))


def compare_label(code: str) -> str:
    """A region's label in a list of provinces and kab/kota: ``Kab. Serang (Banten)``."""
    names = cache.regions()
    if level_of(code) <= 1:
        return names.label(code)
    return f"{names.label(code)} ({names.label(code[:2])})"


def compared_regions() -> list[str]:
    """The regions Perbandingan compares in this link (``banding``), as codes, in their order."""
    chosen = st.session_state.get(param("banding"))
    if isinstance(chosen, list) and chosen:
        return [str(c) for c in chosen]
    by_label = {compare_label(code): code for code in comparable_regions()}
    return [by_label[x] for x in st.query_params.get_all(param("banding")) if x in by_label]


def comparable_regions() -> list[str]:
    """Every province and kab/kota, each province followed by its kab/kota (for peer pickers)."""
    names = cache.regions()
    return [code for p in names.children(NATION) for code in (p, *names.children(p))]


def go_to(code: str) -> None:
    """Select ``code`` in the sidebar (a drill-down); call from a widget callback."""
    level = level_of(code)
    st.session_state[PROV] = code[:2] if level >= 1 else ""
    st.session_state[KAB] = code[:5] if level >= 2 else ""
    st.session_state[KEC] = code[:8] if level >= 3 else ""


def keep_range_within(key: str, first: int, last: int) -> None:
    """Keep a range slider's chosen (low, high) inside [first, last] before it is drawn again.

    A range chosen for one region carries over to the next, whose range can be shorter: Banten's
    Kampung KB were formed up to 2025 and Riau's up to 2024, and a slider refuses a value past its
    end (the page stopped with an error). What still fits is kept; what does not, moves to the end.
    """
    held = st.session_state.get(key)
    if not isinstance(held, (tuple, list)) or len(held) != 2:
        return
    low = min(max(int(held[0]), first), last)
    high = max(min(int(held[1]), last), low)
    if (low, high) != (held[0], held[1]):
        st.session_state[key] = (low, high)
