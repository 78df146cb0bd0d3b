"""Bahan paparan's second button: one pack per kab/kota of the sidebar's province (per province of the
nation), made on a worker thread, watched with a progress bar, downloaded as one zip."""

from __future__ import annotations

import streamlit as st

from kkb import export, fmt, paparan_bulk
from kkb.i18n import t
from kkb.regions import level_of
from kkb.view import View
from pages import _cache as cache
from pages import _packs as packs

ASKED = "paparan_massal_minta"


def _each(v: View) -> str | None:
    return {0: "provinsi", 1: "kabkota"}.get(level_of(v.code))


def section(v: View) -> None:
    """The section, for a province (its kab/kota) or the nation (its provinces); nothing below."""
    each = _each(v)
    if each is None:
        return
    members = paparan_bulk.members(cache.regions(), v.code, each)
    wanted = (cache.database_key(), v, each)
    st.subheader(t("bulk_title", v.lang))
    label = t("bulk_make", v.lang, each=t(f"bulk_each_{each}", v.lang), n=len(members))

    def ask() -> None:
        packs.bulk_job(wanted, start=True)
        st.session_state[ASKED] = wanted

    st.button(label, on_click=ask, disabled=not export.available(), key="paparan_massal")
    st.caption(t("bulk_cli_hint", v.lang, code=v.code, each=each, periode=v.periode))
    job = packs.bulk_job(wanted) if st.session_state.get(ASKED) == wanted else None
    if job is None:
        return
    if not job.done.is_set():
        bar = st.progress(job.fraction, text=job.message)
        while not job.done.wait(0.25):  # a rerun leaves this loop, never the work
            bar.progress(job.fraction, text=job.message)
        bar.empty()
    if job.error is not None:
        st.error(fmt.plain_lines(job.error))
        return
    bundle = job.bundle
    if bundle is None or bundle.archive is None:
        return
    archive = bundle.archive
    size = fmt.number(archive.stat().st_size / 1e6, v.lang, 1) + " MB"
    made, skipped = len(bundle.seconds), len(bundle.skipped)
    st.success(t("bulk_ready", v.lang, n=made, files=len(bundle.files), size=size, skipped=skipped))
    st.download_button(
        t("bulk_download", v.lang),
        archive.read_bytes,
        archive.name,
        "application/zip",
        on_click="ignore",
        type="primary",
        key="paparan_massal_zip",
    )
    for s in bundle.skipped:
        st.caption(fmt.plain(t("bulk_skipped", v.lang, label=s.label, reason=s.reason)))
