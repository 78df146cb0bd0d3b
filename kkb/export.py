"""Files for slides and spreadsheets: charts as PNG/SVG with their caption baked in, tables as Excel.

Charts are drawn by kaleido, which drives a Chromium it finds on the machine (Debian's ``chromium``
package here; ``BROWSER_PATH`` names another). Nothing is downloaded, so export works offline.
Where no Chromium is installed, ``available()`` says so and the dashboard falls back to the chart's
own camera button in the browser.

Excel files keep numbers as numbers. Number formats are written with Excel's locale-neutral codes
(``#,##0``, ``#,##0.00``), which Excel shows with the reader's separators: 1.161 and 24,28 % on an
Indonesian system.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import shutil
import threading
import unicodedata
import warnings
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Literal

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kkb import fmt, palette
from kkb.i18n import COLUMNS, STRINGS, t

ImageFormat = Literal["png", "svg"]

#: the size charts are exported at, in CSS pixels (PNG is drawn at ``SCALE`` times this)
WIDTH, HEIGHT, SCALE = 1200, 640, 2
#: pixels below the plot for axis labels and the caption
CAPTION_ROOM = 100
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def slug(text: str) -> str:
    """A file-name-safe lower-case form: ``Kab. Serang`` → ``kab-serang``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "data"


def file_stem(region: str, what: str, periode: str) -> str:
    """``kampung-kb_<region>_<what>_<periode>``: names the region, the metric and the month."""
    return "_".join(("kampung-kb", slug(region), slug(what), periode))


def browser_path() -> str | None:
    """The Chromium kaleido will drive, or None when the machine has none."""
    named = os.environ.get("BROWSER_PATH")
    if named:
        return named if os.path.exists(named) else None
    return next((found for name in _BROWSERS if (found := shutil.which(name))), None)


@functools.cache
def available() -> bool:
    """Whether charts can be drawn to files on this machine (kaleido and a Chromium)."""
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return False
    return browser_path() is not None


def with_caption(fig: go.Figure, caption: str, width: int = WIDTH, height: int = HEIGHT) -> go.Figure:
    """A copy of ``fig`` sized for a slide, on white, with ``caption`` (source, periode) under the plot."""
    out = go.Figure(fig)
    # the caption sits in the bottom margin, below the axis labels (an annotation cannot be placed
    # relative to the whole image, only to the plot area)
    out.update_layout(
        width=width,
        height=height,
        paper_bgcolor="white",
        margin={"b": CAPTION_ROOM},
        annotations=[
            *out.layout.annotations,
            go.layout.Annotation(
                text=caption,
                x=0,
                xref="paper",
                xanchor="left",
                y=0,
                yref="paper",
                yanchor="top",
                yshift=-(CAPTION_ROOM - 30),
                showarrow=False,
                align="left",
                font={"size": 13, "color": palette.SECONDARY},
            ),
        ],
    )
    return out


def image(fig: go.Figure, caption: str, kind: ImageFormat = "png", scale: int = SCALE) -> bytes:
    """``fig`` as a PNG (at ``scale``) or SVG file with its title, legend and ``caption``.

    Raises RuntimeError when no Chromium is installed (see ``available``).
    """
    if not available():
        raise RuntimeError(t("export_unavailable", "id"))
    framed = with_caption(fig, caption)
    with _RENDERING, warnings.catch_warnings():
        # plotly warns that kaleido options are ignored while a shared renderer runs
        warnings.simplefilter("ignore", UserWarning)
        if _kept or _open_renderers:
            import kaleido

            kaleido.start_sync_server(silence_warnings=True)  # nothing to do while it runs
        return pio.to_image(framed, format=kind, scale=scale if kind == "png" else 1)


#: one drawing at a time: kaleido's shared Chromium takes one task at a time and its queue is not
#: safe for callers on several threads (a download, a briefing pack and another session at once)
_RENDERING = threading.RLock()
_kept = False
_open_renderers = 0


def warm() -> None:
    """Start the kept Chromium now with one small drawing, so the first download is quick too.

    A server calls it at start, on a thread of its own; without a Chromium it does nothing.
    """
    if not available():
        return
    keep_renderer()
    try:
        image(go.Figure(), "", "svg")
    except Exception:  # a first download will try again and say what failed
        return


def keep_renderer() -> None:
    """Keep one Chromium running for the life of the process (a server: every download is quicker).

    A fresh Chromium per chart costs 2–3 s; a kept one draws a chart in a fraction of that.
    """
    global _kept
    _kept = True


@contextlib.contextmanager
def renderer() -> Iterator[None]:
    """Keep one Chromium running for many ``image`` calls (a briefing pack), then close it.

    Nested and concurrent uses share it; it is closed when the last one ends, unless
    ``keep_renderer`` asked to keep it.
    """
    import kaleido

    global _open_renderers
    with _RENDERING:
        _open_renderers += 1
    try:
        yield
    finally:
        with _RENDERING:
            _open_renderers -= 1
            if not _open_renderers and not _kept:
                kaleido.stop_sync_server(silence_warnings=True)


# --- Excel -----------------------------------------------------------------------------------------

_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
#: Excel number formats by kind of column (shown with the reader's own separators)
_FORMATS = {"int": "#,##0", "float": "#,##0.00", "percent": '#,##0.00" %"'}


def column_label(column: str, lang: str) -> str:
    """A column's header in ``lang``: the UI's own name for it, else the name with spaces."""
    if column in COLUMNS:
        return COLUMNS[column][1 if lang == "en" else 0]
    if column in STRINGS:
        return t(column, lang)
    return column.replace("_", " ").strip().capitalize()


#: CSV for the language's spreadsheets: an Indonesian Excel reads ``;`` and decimal commas
CSV_DIALECT = {"id": (";", ","), "en": (",", ".")}
#: decimals a float column keeps in a CSV or on screen (coordinates keep more)
_DECIMALS = {"lat": 6, "lng": 6}


def _decimals(column: str) -> int:
    return _DECIMALS.get(column, 2)


def csv(frame: pd.DataFrame, lang: str = "id", labels: Mapping[str, str] | None = None) -> bytes:
    """CSV of ``frame`` as a spreadsheet in ``lang`` reads it: headers in ``lang``, its separators.

    Indonesian: ``;`` between fields and ``24,28``; English: ``,`` and ``24.28``. Floats are rounded
    (two decimals, coordinates six), so no 15-digit tails. A byte-order mark lets spreadsheet
    programs read the names' accents right; text that would run as a formula is neutralised.
    """
    sep, decimal = CSV_DIALECT.get(lang, CSV_DIALECT["id"])
    out = fmt.spreadsheet_safe(frame)
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            out[column] = out[column].round(_decimals(str(column)))
    out.columns = [(labels or {}).get(str(c)) or column_label(str(c), lang) for c in out.columns]
    return out.to_csv(index=False, sep=sep, decimal=decimal).encode("utf-8-sig")


def display(frame: pd.DataFrame, lang: str = "id", labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``frame`` for reading on screen: headers in ``lang``, numbers as text in its format (1.161; 24,28)."""
    # the columns gathered first and made a frame once: inserting them one by one into an empty
    # frame was a sixth of a page's time with many sessions at once (bench/README.md)
    out: dict[str, object] = {}
    for column in frame.columns:
        series = frame[column]
        kind = _kind(str(column), series)
        header = (labels or {}).get(str(column)) or column_label(str(column), lang)
        if kind is None:
            out[header] = series
        elif kind == "percent":
            out[header] = [fmt.percent(None if pd.isna(x) else float(x), lang, 2) for x in series]
        else:
            decimals = 0 if kind == "int" else _decimals(str(column))
            out[header] = [fmt.number(None if pd.isna(x) else float(x), lang, decimals) for x in series]
    return pd.DataFrame(out, index=frame.index)


def _kind(column: str, series: pd.Series) -> str | None:
    if pd.api.types.is_bool_dtype(series) or not pd.api.types.is_numeric_dtype(series):
        return None
    if column.endswith("persen") or column.endswith("_pct"):
        return "percent"
    if pd.api.types.is_integer_dtype(series):
        return "int"
    whole = series.dropna()
    return "int" if len(whole) and (whole == whole.round()).all() else "float"


def excel(
    frame: pd.DataFrame,
    lang: str = "id",
    *,
    sheet: str = "data",
    about: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
) -> bytes:
    """An Excel workbook of ``frame``: headers in ``lang``, numbers as numbers with number formats.

    ``labels`` overrides the header of given columns. ``about`` (title, region, periode, source, …)
    goes to a second sheet, so the data sheet stays a plain table. Text that a spreadsheet would run
    as a formula is neutralised (``fmt.spreadsheet_safe``).
    """
    safe = fmt.spreadsheet_safe(frame)
    book = Workbook()
    data = book.active
    assert data is not None
    data.title = sheet[:31]
    headers = [(labels or {}).get(str(c)) or column_label(str(c), lang) for c in safe.columns]
    data.append(headers)
    for cell in data[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    kinds = [_kind(str(c), safe[c]) for c in safe.columns]
    for row in safe.itertuples(index=False):
        data.append([_cell(value) for value in row])
    for index, (kind, header) in enumerate(zip(kinds, headers, strict=True), start=1):
        letter = get_column_letter(index)
        if kind is not None:
            for (cell,) in data.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = _FORMATS[kind]
        longest = max([len(header), *(len(str(v)) for v in safe.iloc[:200, index - 1])])
        data.column_dimensions[letter].width = min(max(10, longest + 2), 60)
    data.freeze_panes = "A2"
    notes = book.create_sheet(t("excel_about_sheet", lang))
    made = datetime.now().strftime("%Y-%m-%d %H:%M")
    for key, value in {**(about or {}), t("excel_made", lang): made}.items():
        notes.append([key, value])
    notes.column_dimensions["A"].width = 22
    notes.column_dimensions["B"].width = 90
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(value: object) -> object:
    """A value openpyxl can write: missing values become empty cells, numpy scalars plain Python."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    item = getattr(value, "item", None)
    return item() if callable(item) else value
