"""Kampung KB Dashboard: page config, navigation, and the shared sidebar (language, region, periode)."""

from __future__ import annotations

import streamlit as st

from kkb import fmt, palette
from kkb.errors import KkbError
from kkb.i18n import t
from pages import _cache as cache
from pages import _links as links
from pages import _present as present
from pages import _search as finder
from pages import _state as state

st.set_page_config(page_title="Dasbor Kampung KB", page_icon="🏡", layout="wide")
# On a phone the map is a few hundred pixels wide: names are left to a tap (hover) and the list.
st.html("<style>@media (max-width: 700px) {.stPlotlyChart .scattergeo text {display: none;}}</style>")
# On a phone a row of headline figures is a 2 × 2 grid (Streamlit stacks columns one under another,
# which made the four figures a whole screen); only rows of figures, not other columns.
PHONE_FIGURES = """<style>@media (max-width: 640px) {
[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) {
  flex-direction: row !important; flex-wrap: wrap !important; row-gap: 0.75rem; }
[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"])
  > [data-testid="stColumn"] {
  flex: 1 1 calc(50% - 1rem) !important; min-width: calc(50% - 1rem) !important; }
[data-testid="stMetricValue"] { font-size: 1.75rem; }
/* a chart's title in a size that fits the width, and its toolbar hidden: it lay over the title, and
   the PNG/SVG buttons under every chart download it anyway */
.stPlotlyChart .gtitle { font-size: 12px !important; }
.stPlotlyChart .modebar-container { display: none !important; }
/* Peta: the map first, under the title, with its source and downloads; the choices after it */
.stVerticalBlock:has(> .st-key-peta_map) > * { order: 1; }
.stVerticalBlock:has(> .st-key-peta_map) > :has(h1),
.stVerticalBlock:has(> .st-key-peta_map) > :has(h1) + * { order: -3; }
.stVerticalBlock > .st-key-peta_map, .stVerticalBlock > .st-key-peta_map + *,
.stVerticalBlock > .st-key-peta_map + * + *, .stVerticalBlock > .st-key-peta_map + * + * + * { order: -2; }
}</style>"""
st.html(PHONE_FIGURES)
# Captions carry every source line: Streamlit's faded grey (3.9:1 on white) is below the 4.5:1 that
# text needs (WCAG AA); the palette's secondary grey is 7.5:1 on white (tests/test_accessibility.py)
st.html(
    "<style>[data-testid='stCaptionContainer'], [data-testid='stCaptionContainer'] p "
    f"{{ color: {palette.SECONDARY} !important; opacity: 1 !important; }}</style>"
)

PAGES = (
    ("pages/ringkasan.py", "page_ringkasan", "ringkasan"),
    ("pages/peta.py", "page_peta", "peta"),
    ("pages/perbandingan.py", "page_perbandingan", "perbandingan"),
    ("pages/target.py", "page_target", "target"),
    ("pages/jelajah.py", "page_jelajah", "jelajah"),
    ("pages/profil.py", "page_profil", "profil"),
    ("pages/simulasi.py", "page_simulasi", "simulasi"),
    ("pages/paparan.py", "page_paparan", "paparan"),
    ("pages/metodologi.py", "page_metodologi", "metodologi"),
    ("pages/kelola.py", "page_kelola", "kelola"),
)


#: the first page is served at "/" under a name of its own, so that "/ringkasan" (a link someone
#: wrote by hand, an old bookmark) can be the same page, out of the menu, instead of "Page not found"
#: (Streamlit reserves a default page's name but serves it only at "/")
FIRST_PAGE_AT_ROOT = "beranda"


def _pages(lang: str) -> list[st.Page]:
    pages = [
        st.Page(path, title=t(title, lang), url_path=FIRST_PAGE_AT_ROOT if i == 0 else url, default=i == 0)
        for i, (path, title, url) in enumerate(PAGES)
    ]
    path, title, url = PAGES[0]
    return [*pages, st.Page(path, title=t(title, lang), url_path=url, visibility="hidden")]


try:
    cache.pin_database()  # every query of this run reads one version of the file, whatever imports do
except KkbError as exc:  # a missing, damaged or foreign database file: say what to do, no traceback
    st.navigation(_pages(state.lang()), position="hidden")  # our pages, not a listing of pages/
    st.error(fmt.plain_lines(exc))
    st.stop()
link_problems = links.check()
lang = state.language_switch()
# the page's language for screen readers and translators: Streamlit's document says "en" whatever it shows
st.html(f"<script>document.documentElement.lang = {lang!r};</script>", unsafe_allow_javascript=True)
finder.box(lang, key="cari_sidebar", where=st.sidebar, limit=5, elsewhere=True)
navigation = st.navigation(_pages(lang))
try:
    st.session_state["_view"] = state.region_filters(lang)
except KkbError as exc:
    st.error(fmt.plain_lines(exc))
    st.stop()
for problem in link_problems:
    st.warning(problem, icon="🔗")
st.sidebar.button(t("present_start", lang), on_click=present.start)
state.share_link(lang)
try:
    if present.is_on():
        present.show(state.view())
    else:
        finder.follow()
        navigation.run()
except KkbError as exc:  # a damaged file found in the middle of a page: a sentence, not a traceback
    st.error(fmt.plain_lines(exc))
