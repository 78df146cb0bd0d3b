"""Builders of hand-made snapshot rows for the tests, and the digest that shows a file unchanged."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import io
import json
import math
import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from kkb.columns import INPUT_COLUMNS

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


def row(**values: float | None) -> dict[str, float]:
    """A snapshot with every SPEC §4.1 column empty except ``values``."""
    out = {c: math.nan for c in INPUT_COLUMNS}
    for key, value in values.items():
        assert key in out, key
        out[key] = math.nan if value is None else float(value)
    return out


def frame(*rows: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def full_marks_input() -> dict[str, float]:
    """Input indicators all at their maximum (pokja 4, dana 4, poktan 4, sarana 3, pkb 3)."""
    return dict(
        pokja=1,
        pokja_anggota=10,
        pokja_terlatih=1,
        sumber_dana=5,
        bkb=1,
        bkr=1,
        bkl=1,
        uppka=1,
        pikr=1,
        sekretariat=1,
        rumah_dataku=1,
        plkb_pendamping=1,
        regulasi=1,
    )


def output_with(
    part: int = 0, cpr: int = 0, mkjp: int = 0, unmet: int = 0, pus: int = 100
) -> dict[str, float]:
    """Output columns giving the four whole percentages on denominators of 100 (pus = 100)."""
    users = cpr * pus // 100
    long_acting = round(users * mkjp / 100)
    return dict(
        pus=pus,
        jumlah_keluarga=100,
        jumlah_remaja=100,
        keluarga_balita=100,
        keluarga_remaja=100,
        keluarga_lansia=100,
        peserta_bkb=part,
        peserta_bkr=part,
        peserta_bkl=part,
        peserta_uppka=part,
        peserta_pikr=part,
        kb_iud=long_acting,
        kb_suntik=users - long_acting,
        tidak_kb_iat=unmet * pus // 100,
    )


def digest(path: Path) -> str:
    """The SHA-256 of a file: equal before and after means byte for byte unchanged."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(*args: str, db_path: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m kkb ARGS`` run in this process (``kkb.__main__.main``): its status and what it wrote.

    The same code a shell runs, without a fresh interpreter per call; ``tests/test_cli.py`` runs the
    real ``python -m kkb`` once, so the entry point itself is tested too. ``db_path`` is set as
    ``KKB_DB`` for the call.
    """
    from kkb import __main__ as cli

    out, err = io.StringIO(), io.StringIO()
    before = os.environ.get("KKB_DB")
    if db_path is not None:
        os.environ["KKB_DB"] = str(db_path)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = cli.main(list(args))
            except SystemExit as stop:  # argparse refusing its arguments
                status = stop.code if isinstance(stop.code, int) else 1
    finally:
        if before is None:
            os.environ.pop("KKB_DB", None)
        else:
            os.environ["KKB_DB"] = before
    return subprocess.CompletedProcess(["python", "-m", "kkb", *args], status, out.getvalue(), err.getvalue())


def leftovers(live: Path) -> list[str]:
    """The work files of imports and undos beside ``live`` (none once every run has finished)."""
    return sorted(p.name for p in live.parent.iterdir() if ".import-" in p.name or ".undo-" in p.name)


#: the day the template tests are checked as of (dates after it are in the future)
TODAY = dt.date(2026, 11, 22)
#: a good import in our template: Kab. Serang, two Kampung KB, two months, one printed class
TEMPLATE_ROWS = (
    "kode_desa,nama_kampung,tanggal_pencanangan,cakupan_wilayah,periode,pokja,pus,kb_suntik,klasifikasi\n"
    "36.04.05.2001,Kampung KB Melati,2023-01-15,Desa,2023-10,1,120,40,Mandiri\n"
    "36.04.05.2001,Kampung KB Melati,2023-01-15,Desa,2023-11,1,120,45,\n"
    "3604052002,Kampung KB Mawar,15/03/2023,RW,2023-11,0,80,,\n"
)


def good_file(tmp_path: Path, text: str = TEMPLATE_ROWS, name: str = "baik.csv") -> Path:
    """``text`` written as ``tmp_path/name`` (UTF-8)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the app headless (AppTest) ---------------------------------------------------------------


def new_app(timeout: float = 120) -> AppTest:
    """The dashboard (``app.py``) for AppTest, not yet run."""
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)


def open_page(page: str, lang: str = "id", **state: Any) -> AppTest:
    """Run app.py, then the page, with the sidebar and page widgets preset as a URL would set them."""
    at = new_app()
    at.session_state["lang"] = lang
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if page != "ringkasan":
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def figures(at: AppTest) -> list[dict[str, Any]]:
    """The plotly figures on the page, as the browser receives them (typed arrays decoded to lists)."""
    return [_decoded(json.loads(el.proto.spec)) for el in at.get("plotly_chart")]


def _decoded(node: Any) -> Any:
    """Plotly sends numeric arrays as ``{"dtype", "bdata"}``; turn them back into lists."""
    if isinstance(node, dict):
        if set(node) >= {"dtype", "bdata"}:
            array = np.frombuffer(base64.b64decode(node["bdata"]), dtype=np.dtype(node["dtype"]))
            return array.reshape(node["shape"]).tolist() if "shape" in node else array.tolist()
        return {k: _decoded(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_decoded(v) for v in node]
    return node


def figure_titled(at: AppTest, words: str) -> dict[str, Any]:
    found = [f for f in figures(at) if words in f["layout"]["title"]["text"]]
    assert found, [f["layout"]["title"]["text"] for f in figures(at)]
    return found[0]


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


#: a valid 1×1 PNG: what a test that is not about pictures gives a slide instead of a drawn chart
TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def unlabelled_columns(monkeypatch: Any, views: list[tuple[str, dict[str, Any]]]) -> set[str]:
    """The data columns that the pages of ``views`` (page, state) show or download under a raw name.

    A column has a name of its own when ``kkb.i18n`` holds one (``COLUMNS`` or ``STRINGS``); any
    other is shown as its code name with spaces, which is what this finds.
    """
    from kkb import export
    from kkb.i18n import COLUMNS, STRINGS

    found: set[str] = set()
    label = export.column_label

    def spy(column: str, lang: str) -> str:
        if column not in COLUMNS and column not in STRINGS:
            found.add(column)
        return label(column, lang)

    monkeypatch.setattr(export, "column_label", spy)
    for page, state in views:
        open_tables(open_page(page, "en", **state))
    return found


def open_tables(at: AppTest) -> AppTest:
    """Open every chart's data table (drawn only once opened, ``render.chart``) and run again."""
    keys = [e.key for e in at.expander if e.key and e.key.endswith("_tabel")]
    if not keys:  # a page without charts (Jelajah, Metodologi): its tables are drawn already
        return at
    for key in keys:
        at.session_state[key] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def kelola_as_admin(monkeypatch: Any, live: Path) -> AppTest:
    """The dashboard on ``live``, on Kelola data, signed in as the admin (password ``rahasia``)."""
    from kkb import auth

    monkeypatch.setenv("KKB_DB", str(live))
    monkeypatch.setenv(auth.ENV, auth.make_hash("rahasia", iterations=1000))
    at = new_app()
    at.session_state["lang"] = "id"
    at.run()
    at.switch_page("pages/kelola.py").run()
    at.text_input(key="admin_sandi").set_value("rahasia")
    at.button[0].click().run()
    return at


def shown(markdown: str) -> str:
    """The text a caption written with ``kkb.fmt.plain`` shows: its escapes and word joiners dropped."""
    import re

    from kkb import fmt

    return re.sub(r"\\(.)", r"\1", markdown).replace(fmt.WORD_JOINER, "")
