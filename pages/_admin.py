"""Kelola data's admin part: sign-in (one limiter per server), upload → check → import, clear, undo.

The page calls ``signed_in`` and then the three sections; what an action did is kept in the session
(``kelola_message``) and said on the next run by ``said``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from kkb import auth, db, fmt, ingest
from kkb.errors import DataFileError, KkbError
from kkb.i18n import t
from kkb.ingest import publish
from kkb.view import View
from pages import _cache as cache
from pages import _render as render

MESSAGE = "kelola_message"


@st.cache_resource
def _limiter() -> auth.Limiter:
    """One limiter for the whole server, so failures count across sessions."""
    return auth.Limiter()


def _secret() -> object:
    try:
        return st.secrets.get("admin_password_hash")
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return None


def _client() -> str:
    """Who is signing in, as far as the server can tell (the visitor's address; behind a proxy, its own)."""
    return str(st.context.ip_address or "")


def _sign_in(stored: str) -> None:
    """Check the password (in a callback: it runs once per click, before the page)."""
    limiter = _limiter()
    client = _client()
    wait = limiter.wait_seconds(client=client, stored=stored)
    if wait > 0:
        st.session_state["admin_message"] = ("admin_locked", int(wait) + 1)
    elif limiter.check(st.session_state.get("admin_sandi", ""), stored, client=client):
        st.session_state["admin"] = True
        st.session_state.pop("admin_message", None)
    else:
        st.session_state["admin_message"] = ("admin_wrong", 0)
    st.session_state["admin_sandi"] = ""


def signed_in(v: View) -> bool:
    """Whether the visitor is the admin; else the sign-in form (or why there is none) is shown."""
    stored = auth.configured_hash(_secret())
    if stored is None:
        st.info(t("admin_not_configured", v.lang, env=auth.ENV))
        return False
    if st.session_state.get("admin"):
        return True
    with st.form("masuk"):
        st.text_input(t("admin_password", v.lang), type="password", key="admin_sandi")
        st.form_submit_button(t("admin_login", v.lang), on_click=_sign_in, args=(stored,))
    message = st.session_state.get("admin_message")
    if message:
        st.error(t(message[0], v.lang, seconds=message[1]))
    return False


def _say(kind: str, text: str) -> None:
    st.session_state[MESSAGE] = (kind, text)


def said() -> None:
    """Say what the last action (import, clear, undo) did, once."""
    done = st.session_state.pop(MESSAGE, None)
    if done:
        (st.success if done[0] == "ok" else st.error)(done[1])


def _ask_import() -> None:
    # The import itself runs in the page, where its progress bar belongs; the click is kept as a flag.
    st.session_state["impor_minta"] = True


def _import(v: View, checked: ingest.Checked) -> None:
    """Write the checked file, with a progress bar in place, then show the page on the new data."""
    bar = st.progress(0.0, text=t("import_go", v.lang))
    try:
        result = ingest.apply_any(
            checked, publish.primary(), "web", progress=lambda f, m: bar.progress(min(f, 1.0), text=m)
        )
    except KkbError as exc:
        _say("error", fmt.plain_lines(exc))
    else:
        st.session_state["impor_ke"] = st.session_state.get("impor_ke", 0) + 1
        added, changed, removed = result.added, result.changed, result.synthetic_removed
        _say(
            "ok", t("import_done", v.lang, id=result.import_id, added=added, changed=changed, removed=removed)
        )
    bar.empty()
    st.rerun()


def _periode_of(v: View, path: Path, name: str) -> str | None:
    """The month a file that prints none is of, as the official picks it (None: not picked yet)."""
    # the portal's statistics table often prints no date, its classification export never
    shape = ingest.shape_of(path) or ingest.statistik.SHAPE
    st.caption(t("import_recognised", v.lang, shape=ingest.SHAPE_NAMES[shape]))
    periode: str | None = st.selectbox(
        t("import_periode", v.lang),
        ingest.periode_choices(),
        index=None,
        placeholder=t("import_periode_pick", v.lang),
        key=f"impor_periode_{st.session_state.get('impor_ke', 0)}",
    )
    hinted = ingest.suggested_periode(name)
    if periode is None and hinted:  # a hint from the export's own name, never chosen for the user
        st.caption(t("import_periode_hint", v.lang, periode=hinted))
    if periode is None:
        st.info(t("import_periode_needed", v.lang))
    return periode


def _year_of(v: View, path: Path) -> int | None:
    """The year of a file whose months have none (New SIGA's monthly recaps), as the official picks it."""
    shape = ingest.shape_of(path) or ingest.siga_bulanan.SHAPE
    st.caption(t("import_recognised", v.lang, shape=ingest.SHAPE_NAMES[shape]))
    year: int | None = st.selectbox(
        t("import_year", v.lang),
        ingest.year_choices(),
        index=None,
        placeholder=t("import_year_pick", v.lang),
        key=f"impor_tahun_{st.session_state.get('impor_ke', 0)}",
    )
    if year is None:
        st.info(t("import_year_needed", v.lang))
    return year


def _poktan_of(v: View, name: str) -> str | None:
    """The kind of poktan New SIGA's poktan recap is of, as the official picks it (its name only hints)."""
    kinds = list(ingest.siga_poktan.POKTAN)
    kind: str | None = st.selectbox(
        t("import_poktan", v.lang),
        kinds,
        index=None,
        format_func=lambda k: f"{k} — {ingest.siga_poktan.POKTAN_NAMES[k]}",
        placeholder=t("import_poktan_pick", v.lang),
        key=f"impor_poktan_{st.session_state.get('impor_ke', 0)}",
    )
    hinted = ingest.siga_poktan.suggested_poktan(name)
    if kind is None and hinted:  # the file's name may say it; the official confirms it
        st.caption(t("import_poktan_hint", v.lang, poktan=hinted))
    if kind is None:
        st.info(t("import_poktan_needed", v.lang))
    return kind


def upload(v: View) -> None:
    """The uploader: a file is checked, its problems listed, and imported on a click when it is usable."""
    # a new key after each import empties the uploader, so the same file is not imported twice by accident
    key = f"unggah_{st.session_state.get('impor_ke', 0)}"
    file = st.file_uploader(t("import_file", v.lang), type=["csv", "xlsx"], key=key)
    if file is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(file.name).name
        path.write_bytes(file.getvalue())
        periode, year, poktan = None, None, None
        if ingest.wants_periode(path) and (periode := _periode_of(v, path, file.name)) is None:
            return
        if ingest.wants_year(path) and (year := _year_of(v, path)) is None:
            return
        if ingest.wants_poktan(path) and (poktan := _poktan_of(v, file.name)) is None:
            return
        try:
            con = db.connect(db.default_db_path())
            try:
                checked = ingest.check_any(
                    path, con, name=file.name, periode=periode, tahun=year, poktan=poktan
                )
                description = ingest.describe(checked, con) if checked.ok else ""
            finally:
                con.close()
        except DataFileError as exc:
            st.error(fmt.plain_lines(exc))
            return
        _show_check(v, checked, file.name, periode or year, description)


def _show_check(
    v: View, checked: ingest.Checked, name: str, picked: str | int | None, description: str
) -> None:
    if picked is None:  # a file whose periode or year was picked has been named already
        st.caption(t("import_recognised", v.lang, shape=ingest.SHAPE_NAMES[checked.shape]))
    if description:
        st.info(fmt.plain(description))
    renamed = {k: c for k, c in checked.mapped.items() if k != c}
    if renamed:
        st.caption(t("import_mapped", v.lang, pairs=", ".join(f"{k} → {c}" for k, c in renamed.items())))
    if checked.problems:
        table = ingest.problems_frame(checked.problems)
        (st.error if checked.errors else st.warning)(
            t("import_problems", v.lang, errors=len(checked.errors), warnings=len(checked.warnings))
        )
        st.dataframe(table, hide_index=True)
        problems = render.csv_bytes(table, v.lang)
        st.download_button(t("download_problems", v.lang), problems, f"masalah_{name}.csv", "text/csv")
    if checked.ok:
        st.success(t("import_ready", v.lang, rows=len(checked.rows)))
        st.button(t("import_go", v.lang), type="primary", on_click=_ask_import)
        if st.session_state.pop("impor_minta", False):
            _import(v, checked)


def _clear(v: View) -> None:
    try:
        result = ingest.clear_synthetic(publish.primary(), v.code, "web")
    except KkbError as exc:
        _say("error", fmt.plain_lines(exc))
    else:
        _say("ok", t("clear_done", v.lang, n=result.synthetic_removed))


def clear(v: View) -> None:
    """Remove the chosen province's or kab/kota's demo rows, after a tick."""
    st.subheader(t("clear_title", v.lang))
    if v.level not in (1, 2):
        st.caption(t("clear_pick_region", v.lang))
        return
    name = render.region_name(v.code)
    agree = st.checkbox(t("clear_confirm", v.lang, region=name), key="hapus_yakin")
    st.button(t("clear_go", v.lang, region=name), disabled=not agree, on_click=_clear, args=(v,))


def _undo(v: View) -> None:
    try:
        undone = ingest.undo(publish.primary())
    except KkbError as exc:
        _say("error", fmt.plain_lines(exc))
    else:
        _say("ok", t("undo_done", v.lang, id=undone.import_id, file=fmt.plain(undone.file)))


def undo(v: View) -> None:
    """Take the newest import back (its backup put in place), after a tick; say what the start cleaned."""
    st.subheader(t("undo_title", v.lang))
    cleaned = cache.swept()
    if cleaned is not None:
        names = ", ".join(p.name for p in cleaned.paths)
        mb = render.number(cleaned.bytes / 1024 / 1024, v)
        st.info(t("swept", v.lang, n=len(cleaned.paths), mb=mb, names=fmt.plain(names)))
    last = ingest.history(cache.connection()).head(1)
    target = ingest.undoable(publish.primary(), cache.connection())
    if last.empty:
        st.caption(t("undo_none", v.lang))
    elif target is None:
        missing = {"id": int(last["id"].iloc[0]), "file": fmt.plain(str(last["nama_file"].iloc[0]))}
        st.caption(t("undo_no_backup", v.lang, keep=ingest.KEEP_BACKUPS, **missing))
    else:
        when = f"{target.when:%Y-%m-%d %H:%M} UTC"
        asked = t("undo_confirm", v.lang, id=target.import_id, file=fmt.plain(target.file), when=when)
        sure = st.checkbox(asked, key="undo_yakin")
        st.button(t("undo_go", v.lang), disabled=not sure, on_click=_undo, args=(v,))
