"""Mode presentasi: one large chart at a time for a projector, with the source line baked in.

``?present=1`` in the URL (or the sidebar button) turns it on; ``&slide=N`` says which slide. The
sidebar, widgets and Streamlit's own bar are hidden; the slides are built for the sidebar's region
and periode, so a link opens the same slide on another machine.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go
import streamlit as st

from kkb import context, palette, slides
from kkb.i18n import t
from kkb.view import View
from pages import _cache as cache
from pages import _render as render
from pages import _state as state

HIDE_CHROME = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
.st-key-slide_keys {
  display: none !important;
}
[data-testid="stMainBlockContainer"] {padding-top: 1rem; padding-bottom: 0; max-width: 100%;}
</style>
"""
#: a 1280×720 projector: the chart fills the screen below the slide's controls
HEIGHT = 520


def is_on() -> bool:
    """Whether the URL asks for presentation mode."""
    return state.link_value("present") == "1"


def start() -> None:
    """Turn presentation mode on (a callback), at the first slide."""
    state.set_link(present="1", slide="1")


def _stop() -> None:
    state.drop_link("present", "slide")


def _go(n: int) -> None:
    state.set_link(slide=str(n))


def _big(fig: go.Figure) -> go.Figure:
    """Large type for a projector: bigger fonts, taller chart."""
    fig.update_layout(
        height=HEIGHT,
        font={"size": 20},
        title={"font": {"size": 30}},
        legend={"font": {"size": 18}},
        margin={"t": 110},
    )
    fig.update_xaxes(tickfont={"size": 18}, title_font={"size": 18})
    fig.update_annotations(font_size=18)
    # map names were fitted for a 900 px map; a projector's slide is about 1,200 px wide
    fig.update_traces(textfont_size=14, selector={"type": "scattergeo", "mode": "text"})
    fig.update_yaxes(tickfont={"size": 18}, title_font={"size": 18})
    return fig


#: Perbandingan's own default pair: each of them is compared with the other
SEEDS = ("36", "14")


def slides_of(v: View) -> list[tuple[str, slides.Builder]]:
    """The slides of the view: the shared ones, with the comparison after the headline figures.

    The comparison shows the regions of Perbandingan's link (``banding``) when it names any; else
    Banten beside Riau (and Riau beside Banten), the pair Perbandingan opens with; else the region
    beside the one a level up.
    """
    linked = tuple(c for c in state.compared_regions() if c != v.code)
    seeds = tuple(c for c in SEEDS if c != v.code) if v.code in SEEDS else ()
    others = linked or seeds or (slides.default_peer(v.code),)
    shared = list(slides.PRESENTATION)
    shared.insert(1, ("comparison", lambda d, view: slides.comparison(d, view, others)))
    return shared


def show(v: View) -> None:
    """Draw the current slide of the view's region, with previous/next and exit, and keys for a clicker."""
    st.markdown(HIDE_CHROME, unsafe_allow_html=True)
    d = cache.data()
    figures = [(name, fig) for name, build in slides_of(v) if (fig := build(d, v)) is not None]
    if not figures:
        st.title(render.region_name(v.code))
        st.info(t("no_data", v.lang, region=render.region_name(v.code), periode=v.periode))
        st.button(t("present_exit", v.lang), on_click=_stop, shortcut="Esc")
        return
    try:
        n = min(max(int(state.link_value("slide") or "1"), 1), len(figures))
    except ValueError:
        n = 1
    name, fig = figures[n - 1]
    first, last = n == 1, n == len(figures)
    left, middle, right, leave = st.columns([1, 3, 1, 1])
    left.button(
        "◀ " + t("present_prev", v.lang),
        on_click=_go,
        args=(n - 1,),
        disabled=first,
        key="slide_prev",
        shortcut="Left",
    )
    middle.markdown(
        f"<div style='text-align:center'>{n} / {len(figures)}<br>"
        f"<span style='font-size:0.8rem;color:{palette.BORDER}'>{t('present_keys', v.lang)}</span></div>",
        unsafe_allow_html=True,
    )
    right.button(
        t("present_next", v.lang) + " ▶",
        on_click=_go,
        args=(n + 1,),
        disabled=last,
        key="slide_next",
        shortcut="Right",
    )
    leave.button(t("present_exit", v.lang), on_click=_stop, key="slide_exit", shortcut="Esc")
    # a presenter's clicker sends PageDown/PageUp; a keyboard may use Space (hidden, one key per button)
    with st.container(key="slide_keys"):
        for key, step, disabled in (("PageDown", 1, last), ("Space", 1, last), ("PageUp", -1, first)):
            st.button(
                key, on_click=_go, args=(n + step,), disabled=disabled, key=f"slide_{key}", shortcut=key
            )
    st.plotly_chart(_big(fig), key=f"slide_{name}", config={"displaylogo": False, "displayModeBar": False})
    # New SIGA's context says its own source; every other slide the view's Kampung KB figures'
    said = (
        context.source_line(cache.report_of(v).fp, v.lang) if name == "context" else render.source_caption(v)
    )
    st.markdown(
        f"<div style='font-size:1.25rem;color:{palette.SECONDARY}'>{html.escape(said)}</div>",
        unsafe_allow_html=True,
    )
    if render.shows_synthetic(v):
        st.markdown(
            f"<div style='font-size:1.1rem;color:{palette.WARNING}'>⚠ {t('synthetic_short', v.lang)}</div>",
            unsafe_allow_html=True,
        )
