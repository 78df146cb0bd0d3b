"""Kelola data: import templates, the import history, and (for the admin) import and undo."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from kkb import auth, db, export, fmt, ingest
from kkb.errors import DataFileError, KkbError
from kkb.i18n import t
from pages import _cache as cache
from pages import _render as render
from pages import _state as state

v = state.view()
st.title(t("page_kelola", v.lang))
st.markdown(t("kelola_intro", v.lang))

st.subheader(t("kelola_templates", v.lang))


@st.cache_data(show_spinner=False)
def _template(kind: str, suffix: str) -> bytes:
    """A template file's bytes (made once per server, not on every rerun)."""
    write = ingest.write_targets_template if kind == "target" else ingest.write_template
    with tempfile.TemporaryDirectory() as folder:
        return write(Path(folder) / f"templat{suffix}").read_bytes()


for kind, stem in (("kampung", "templat_impor_kampung_kb"), ("target", "templat_target")):
    csv_col, xlsx_col, _ = st.columns([1, 2, 2])
    label = "template" if kind == "kampung" else "template_targets"
    csv_col.download_button(t(f"{label}_csv", v.lang), _template(kind, ".csv"), f"{stem}.csv", "text/csv")
    xlsx_col.download_button(
        t(f"{label}_xlsx", v.lang), _template(kind, ".xlsx"), f"{stem}.xlsx", render.XLSX
    )
with st.expander(t("template_columns", v.lang)):
    st.dataframe(ingest.help_frame(), hide_index=True)

st.subheader(t("kelola_history", v.lang))
log = ingest.history(cache.connection())
if log.empty:
    st.caption(t("kelola_no_imports", v.lang))
else:
    shapes = [t(f"shape_{b}" if isinstance(b, str) else "shape_impor", v.lang) for b in log["bentuk"]]
    labels = {
        "id": t("import_number", v.lang),
        "bentuk": t("import_shape", v.lang),
        "wilayah": t("import_regions", v.lang),
    }
    st.dataframe(export.display(log.assign(bentuk=shapes), v.lang, labels), hide_index=True)

learned = ingest.learned_names(cache.connection())
if not learned.empty:
    # what a file with codes taught about names (New SIGA's recap), so the next name-only file agrees
    with st.expander(t("learned_title", v.lang, n=render.number(len(learned), v))):
        st.caption(t("learned_help", v.lang))
        # a table cell is text, never markdown: the names are shown as stored
        shown = learned.assign(tingkat=[t(f"level_{int(x)}", v.lang) for x in learned["tingkat"]])
        st.dataframe(
            shown,
            hide_index=True,
            column_config={
                "import_id": t("import_number", v.lang),
                "tingkat": t("learned_level", v.lang),
                "wilayah_induk": t("learned_parent", v.lang),
                "nama_di_berkas": t("learned_name", v.lang),
                "kode": t("learned_code", v.lang),
                "nama_kemendagri": t("learned_reference", v.lang),
                "nama_file": t("learned_file", v.lang),
            },
        )


@st.cache_resource
def _limiter() -> auth.Limiter:
    """One limiter for the whole server, so failures count across sessions."""
    return auth.Limiter()


def _secret() -> object:
    try:
        return st.secrets.get("admin_password_hash")
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return None


st.subheader(t("kelola_admin", v.lang))
stored = auth.configured_hash(_secret())
if stored is None:
    st.info(t("admin_not_configured", v.lang, env=auth.ENV))
    st.stop()


def _client() -> str:
    """Who is signing in, as far as the server can tell (the visitor's address; behind a proxy, its own)."""
    return str(st.context.ip_address or "")


def _sign_in() -> None:
    """Check the password (in a callback: it runs once per click, before the page)."""
    limiter = _limiter()
    client = _client()
    wait = limiter.wait_seconds(client=client, stored=stored or "")
    if wait > 0:
        st.session_state["admin_message"] = ("admin_locked", int(wait) + 1)
    elif stored is not None and limiter.check(st.session_state.get("admin_sandi", ""), stored, client=client):
        st.session_state["admin"] = True
        st.session_state.pop("admin_message", None)
    else:
        st.session_state["admin_message"] = ("admin_wrong", 0)
    st.session_state["admin_sandi"] = ""


if not st.session_state.get("admin"):
    with st.form("masuk"):
        st.text_input(t("admin_password", v.lang), type="password", key="admin_sandi")
        st.form_submit_button(t("admin_login", v.lang), on_click=_sign_in)
    message = st.session_state.get("admin_message")
    if message:
        st.error(t(message[0], v.lang, seconds=message[1]))
    st.stop()

live = db.default_db_path()


def _ask_import() -> None:
    # The import itself runs in the page, where its progress bar belongs; the click is kept as a flag.
    st.session_state["impor_minta"] = True


def _import(checked: ingest.Checked) -> None:
    """Write the checked file, with a progress bar in place, then show the page on the new data."""
    bar = st.progress(0.0, text=t("import_go", v.lang))
    try:
        result = ingest.apply_any(
            checked, live, "web", progress=lambda f, m: bar.progress(min(f, 1.0), text=m)
        )
    except KkbError as exc:
        st.session_state["kelola_message"] = ("error", fmt.plain_lines(exc))
    else:
        st.session_state["impor_ke"] = st.session_state.get("impor_ke", 0) + 1
        st.session_state["kelola_message"] = (
            "ok",
            t(
                "import_done",
                v.lang,
                id=result.import_id,
                added=result.added,
                changed=result.changed,
                removed=result.synthetic_removed,
            ),
        )
    bar.empty()
    st.rerun()


def _clear(region: str) -> None:
    try:
        result = ingest.clear_synthetic(live, region, "web")
    except KkbError as exc:
        st.session_state["kelola_message"] = ("error", fmt.plain_lines(exc))
    else:
        st.session_state["kelola_message"] = ("ok", t("clear_done", v.lang, n=result.synthetic_removed))


def _undo() -> None:
    try:
        undone = ingest.undo(live)
    except KkbError as exc:
        st.session_state["kelola_message"] = ("error", fmt.plain_lines(exc))
    else:
        said = t("undo_done", v.lang, id=undone.import_id, file=fmt.plain(undone.file))
        st.session_state["kelola_message"] = ("ok", said)


# a new key after each import empties the uploader, so the same file is not imported twice by accident
upload = st.file_uploader(
    t("import_file", v.lang), type=["csv", "xlsx"], key=f"unggah_{st.session_state.get('impor_ke', 0)}"
)
if upload is not None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(upload.name).name
        path.write_bytes(upload.getvalue())
        periode = None
        if ingest.wants_periode(path):
            # the portal's statistics table often prints no date, its classification export never: the
            # official says which month it is
            shape = ingest.shape_of(path) or ingest.statistik.SHAPE
            st.caption(t("import_recognised", v.lang, shape=ingest.SHAPE_NAMES[shape]))
            periode = st.selectbox(
                t("import_periode", v.lang),
                ingest.periode_choices(),
                index=None,
                placeholder=t("import_periode_pick", v.lang),
                key=f"impor_periode_{st.session_state.get('impor_ke', 0)}",
            )
            hinted = ingest.suggested_periode(upload.name)
            if periode is None and hinted:  # a hint from the export's own name, never chosen for the user
                st.caption(t("import_periode_hint", v.lang, periode=hinted))
            if periode is None:
                st.info(t("import_periode_needed", v.lang))
                st.stop()
        try:
            con = db.connect(live)
            try:
                checked = ingest.check_any(path, con, name=upload.name, periode=periode)
                said = ingest.describe(checked, con) if checked.ok else ""
            finally:
                con.close()
        except DataFileError as exc:
            st.error(fmt.plain_lines(exc))
            st.stop()
        if periode is None:
            st.caption(t("import_recognised", v.lang, shape=ingest.SHAPE_NAMES[checked.shape]))
        if said:
            st.info(fmt.plain(said))
        renamed = {k: c for k, c in checked.mapped.items() if k != c}
        if renamed:
            st.caption(t("import_mapped", v.lang, pairs=", ".join(f"{k} → {c}" for k, c in renamed.items())))
        if checked.problems:
            table = ingest.problems_frame(checked.problems)
            (st.error if checked.errors else st.warning)(
                t("import_problems", v.lang, errors=len(checked.errors), warnings=len(checked.warnings))
            )
            st.dataframe(table, hide_index=True)
            st.download_button(
                t("download_problems", v.lang),
                render.csv_bytes(table, v.lang),
                f"masalah_{upload.name}.csv",
                "text/csv",
            )
        if checked.ok:
            st.success(t("import_ready", v.lang, rows=len(checked.rows)))
            st.button(t("import_go", v.lang), type="primary", on_click=_ask_import)
            if st.session_state.pop("impor_minta", False):
                _import(checked)

done = st.session_state.pop("kelola_message", None)
if done:
    (st.success if done[0] == "ok" else st.error)(done[1])

st.subheader(t("clear_title", v.lang))
if v.level in (1, 2):
    name = render.region_name(v.code)
    agree = st.checkbox(t("clear_confirm", v.lang, region=name), key="hapus_yakin")
    st.button(t("clear_go", v.lang, region=name), disabled=not agree, on_click=_clear, args=(v.code,))
else:
    st.caption(t("clear_pick_region", v.lang))

st.subheader(t("undo_title", v.lang))
cleaned = cache.swept()
if cleaned is not None:
    names = ", ".join(p.name for p in cleaned.paths)
    mb = render.number(cleaned.bytes / 1024 / 1024, v)
    st.info(t("swept", v.lang, n=len(cleaned.paths), mb=mb, names=fmt.plain(names)))
last = ingest.history(cache.connection()).head(1)
target = ingest.undoable(live, cache.connection())
if last.empty:
    st.caption(t("undo_none", v.lang))
elif target is None:
    missing = {"id": int(last["id"].iloc[0]), "file": fmt.plain(str(last["nama_file"].iloc[0]))}
    st.caption(t("undo_no_backup", v.lang, keep=ingest.KEEP_BACKUPS, **missing))
else:
    when = f"{target.when:%Y-%m-%d %H:%M} UTC"
    asked = t("undo_confirm", v.lang, id=target.import_id, file=fmt.plain(target.file), when=when)
    sure = st.checkbox(asked, key="undo_yakin")
    st.button(t("undo_go", v.lang), disabled=not sure, on_click=_undo)
