"""Bahan paparan: the briefing pack (PPTX and PDF) of the sidebar's region and periode, in one click."""

from __future__ import annotations

import streamlit as st

from kkb import export, fmt, slides
from kkb.i18n import t
from pages import _bulk as bulk
from pages import _cache as cache
from pages import _packs as packs
from pages import _render as render
from pages import _state as state

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

v = state.view()
names = cache.regions()
region = render.region_name(v.code)
render.page_header(v, f"{t('page_paparan', v.lang)}: {region}")
st.markdown(t("pack_intro", v.lang))

options = state.comparable_regions()
default_peer = slides.default_peer(v.code)
default_label = t("pack_peer_default", v.lang, region=names.label(default_peer))
peer = st.selectbox(
    t("pack_peer_pick", v.lang),
    ["", *[c for c in options if c != v.code]],
    format_func=lambda c: (
        names.label(c) if c else t("pack_peer_default", v.lang, region=names.label(default_peer))
    ),
    key=state.param("banding_paparan"),
    bind="query-params",
)
peer = peer or default_peer
wanted = (cache.database_key(), v, peer)


ASKED = "paparan_minta"


def _ask() -> None:
    # idempotent: a job that runs or is done for this request is reused, never started twice
    packs.job(wanted, start=True)
    st.session_state[ASKED] = wanted


st.button(t("pack_make", v.lang), type="primary", on_click=_ask, disabled=not export.available())
if not export.available():
    st.warning(t("export_unavailable", v.lang))
st.caption(t("pack_cli_hint", v.lang, code=v.code, periode=v.periode))

job = packs.job(wanted) if st.session_state.get(ASKED) == wanted else None
if job is not None and not job.done.is_set():
    st.caption(t("pack_running", v.lang))
    bar = st.progress(job.fraction, text=job.message)
    # watch the worker; a rerun (another click) leaves this loop, never the work
    while not job.done.wait(0.25):
        bar.progress(job.fraction, text=job.message)
    bar.empty()
if job is not None and job.error is not None:
    st.error(fmt.plain_lines(job.error))
elif job is not None and job.pack is not None:
    pack, pptx, pdf = job.pack, job.pptx, job.pdf
    st.success(t("pack_ready", v.lang, n=len(pack.slides)))
    stem = render.stem(v, "bahan-paparan")
    left, right, _ = st.columns([1, 1, 3])
    left.download_button(
        t("pack_download_pptx", v.lang), pptx, f"{stem}.pptx", PPTX, on_click="ignore", type="primary"
    )
    right.download_button(
        t("pack_download_pdf", v.lang), pdf, f"{stem}.pdf", "application/pdf", on_click="ignore"
    )
    st.subheader(t("pack_preview", v.lang))
    columns = st.columns(3)
    for n, slide in enumerate(pack.slides):
        with columns[n % 3]:
            st.markdown(f"**{n + 1}. {slide.title}**")
            if slide.image is not None:
                st.image(slide.image)
            elif slide.cards:
                st.caption(" · ".join(f"{c.label}: {c.value}" for c in slide.cards))
            elif slide.table is not None:
                st.dataframe(slide.table, hide_index=True, height=200)
            else:
                st.caption("\n\n".join(fmt.plain(line) for line in slide.lines))

bulk.section(v)
