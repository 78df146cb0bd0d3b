"""Region names to Kemendagri codes, as FORMATS.md's last section asks.

A name is first compared after normalising both sides: case, accents, spaces and punctuation, the
``Kabupaten``/``Kab.`` prefix (a kabupaten is written without one, a kota with ``KOTA``), the word
``Administrasi`` (``KOTA JAKARTA SELATAN`` is Kota Administrasi Jakarta Selatan) and the known
abbreviations (``KEP.`` Kepulauan, ``TG.`` Tanjung, ``DKI``, ``DI``). Then a name some file with codes
taught (``nama_wilayah``). Then the same name with doubled letters and repeated words made single
(``PODA`` for Poda-Poda, ``TELLU`` for Telu). Last, a close spelling of as many words, accepted
only when it is the one close name within its parent. A name found by spelling carries the
reference name, so the importer warns with both; a name not found carries the closest candidates,
so the importer can list them.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from kkb import db

#: abbreviations as the portal and SIGA write them, after lower-casing and dropping the dot
ABBREVIATIONS = {
    "kep": "kepulauan",
    "kab": "kabupaten",
    "kec": "kecamatan",
    "kel": "kelurahan",
    "ds": "desa",
    "tg": "tanjung",
    "tj": "tanjung",
    "dki": "daerah khusus ibukota",
    "di": "daerah istimewa",
    "adm": "administrasi",
    "prov": "provinsi",
}
#: words that a level's names may start with and that are not part of the name
PREFIXES = {1: ("provinsi",), 2: ("kabupaten",), 3: ("kecamatan",), 4: ("desa", "kelurahan")}
#: how close a spelling must be (difflib ratio of the normalised names) to be taken when unique
CLOSE = 0.85
LEVEL_NAMES = {1: "provinsi", 2: "kabupaten/kota", 3: "kecamatan", 4: "desa/kelurahan"}


def normal(name: object, level: int | None = None) -> str:
    """``name`` as compared: lower-case ASCII words, abbreviations expanded, ``Administrasi`` dropped."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().casefold()
    words = " ".join(ABBREVIATIONS.get(w, w) for w in re.sub(r"[^0-9a-z]+", " ", text).split()).split()
    words = [w for w in words if w != "administrasi"]
    if level is not None and len(words) > 1 and words[0] in PREFIXES[level]:
        words = words[1:]
    return " ".join(words)


def loose(key: str) -> str:
    """A normalised name with repeated words and doubled letters made single, spaces dropped.

    ``PODA`` for Poda-Poda, ``TELLU`` for Telu, ``PULAU MERBAU`` for Pulaumerbau.
    """
    key = re.sub(r"\b(\w+)( \1\b)+", r"\1", key)
    return re.sub(r"(.)\1+", r"\1", key.replace(" ", ""))


@dataclass(frozen=True)
class Found:
    """What a name resolved to."""

    kode: str | None
    #: ``exact``, ``remembered``, ``spelling`` (doubled letters), ``close``, ``none`` or ``ambiguous``
    how: str
    #: the reference name found (for the warning that names both spellings)
    nama: str = ""
    #: the closest reference names, when nothing (or more than one) was found
    candidates: tuple[str, ...] = ()

    @property
    def warned(self) -> bool:
        """Whether the file's spelling differs from the reference one (a warning names both)."""
        return self.how in ("spelling", "close")


class Names:
    """The regions of the reference data, looked up by name within their parent."""

    def __init__(self, wilayah: pd.DataFrame, remembered: pd.DataFrame | None = None) -> None:
        """Index the reference regions by parent and normalised name.

        ``wilayah`` has ``kode``, ``tingkat``, ``kode_induk``, ``nama``, ``nama_singkat``, ``jenis``;
        ``remembered`` (``tingkat``, ``kode_induk``, ``nama``, ``kode``) the names files have taught.
        """
        self._by_parent: dict[tuple[int, str], dict[str, list[tuple[str, str]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self._names: dict[str, str] = {}
        for kode, tingkat, induk, nama, singkat, jenis in zip(
            wilayah["kode"],
            wilayah["tingkat"],
            wilayah["kode_induk"],
            wilayah["nama"],
            wilayah["nama_singkat"],
            wilayah["jenis"],
            strict=True,
        ):
            level = int(tingkat)
            key = reference_key(level, str(nama), str(singkat), str(jenis))
            self._by_parent[(level, str(induk))][key].append((str(kode), str(nama)))
            self._names[str(kode)] = str(nama)
        self._found: dict[tuple[int, str, str], Found] = {}
        self._remembered: dict[tuple[int, str, str], str] = {}
        if remembered is not None:
            for tingkat, induk, nama, kode in zip(
                remembered["tingkat"],
                remembered["kode_induk"],
                remembered["nama"],
                remembered["kode"],
                strict=True,
            ):
                self._remembered[(int(tingkat), str(induk), str(nama))] = str(kode)

    def exists(self, kode: str) -> bool:
        """Whether the reference holds ``kode``."""
        return kode in self._names

    def name_of(self, kode: str) -> str:
        """The reference name of a code."""
        return self._names.get(kode, kode)

    def children(self, level: int, parent: str) -> list[str]:
        """The codes of the regions at ``level`` within ``parent``."""
        return [k for found in self._by_parent.get((level, parent), {}).values() for k, _ in found]

    def find(self, level: int, parent: str, name: str) -> Found:
        """The region at ``level`` (1 provinsi … 4 desa) named ``name`` within ``parent`` (``ID``: nation)."""
        key = (level, parent, name)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._find(level, parent, name)
        return found

    def _find(self, level: int, parent: str, name: str) -> Found:
        siblings = self._by_parent.get((level, parent), {})
        key = normal(name, level)
        exact = siblings.get(key, [])
        if len(exact) == 1:
            return Found(exact[0][0], "exact", exact[0][1])
        if len(exact) > 1:
            return Found(None, "ambiguous", candidates=tuple(f"{n} ({k})" for k, n in exact))
        taught = self._remembered.get((level, parent, key))
        if taught is not None:
            return Found(taught, "remembered", self.name_of(taught))
        spelled = [v for k, v in siblings.items() if loose(k) == loose(key)]
        if len(spelled) == 1 and len(spelled[0]) == 1:
            return Found(spelled[0][0][0], "spelling", spelled[0][0][1])
        scored = sorted(((difflib.SequenceMatcher(None, key, k).ratio(), k) for k in siblings), reverse=True)
        # a close spelling has as many words: an extra word names another place, not a typo
        words = len(key.split())
        close = [k for score, k in scored if score >= CLOSE and len(k.split()) == words]
        if len(close) == 1 and len(siblings[close[0]]) == 1:
            kode, nama = siblings[close[0]][0]
            return Found(kode, "close", nama)
        candidates = tuple(siblings[k][0][1] for _, k in scored[:3])
        return Found(None, "ambiguous" if len(close) > 1 else "none", candidates=candidates)


def reference_key(level: int, nama: str, singkat: str, jenis: str) -> str:
    """How a reference region is compared: a kota as ``kota <name>``, a kabupaten by its name alone."""
    if level == 2:
        short = normal(singkat)
        return f"kota {short}" if jenis.casefold() == "kota" else short
    return normal(nama, level)


def problem_text(found: Found, level: int) -> str:
    """Why a name was not taken, for the importer's message."""
    what = LEVEL_NAMES[level]
    if found.how == "ambiguous":
        return f"nama {what} tidak unik di wilayah induknya"
    return f"nama {what} tidak dikenal di wilayah induknya"


def accepted_text(found: Found) -> str:
    """What would be accepted instead: the closest candidates."""
    if not found.candidates:
        return "nama sesuai Kemendagri 2025"
    return "yang terdekat: " + "; ".join(found.candidates)


#: how a shape reports a problem of one cell: (row, column, value, what, accepted, severity)
Say = Callable[..., None]


def walk(
    lookup: Names,
    row: Mapping[str, str],
    columns: Sequence[tuple[int, str]],
    line: int,
    say: Say,
    reported: set[tuple[int, str, str]],
    taught: dict[tuple[int, str, str], str] | None = None,
) -> str | None:
    """The code of the region a row names, each of ``columns`` (level, column) found within the one before.

    A name not found is reported once, on its first row, with its closest candidates, and the walk
    stops (None). A name found by its spelling is warned once, naming both spellings; when ``taught``
    is given (a file that also has codes) it is recorded there, to be remembered.
    """
    parent = "ID"
    for level, column in columns:
        found = lookup.find(level, parent, row[column])
        key = (level, parent, row[column])
        if found.kode is None:
            if key not in reported:
                reported.add(key)
                say(line, column, row[column], problem_text(found, level), accepted_text(found))
            return None
        if found.warned:
            if key not in reported:
                reported.add(key)
                say(
                    line,
                    column,
                    row[column],
                    f"dibaca sebagai {found.nama}",
                    "nama sesuai Kemendagri 2025",
                    "warning",
                )
            if taught is not None:
                taught[(level, parent, normal(row[column], level))] = found.kode
        parent = found.kode
    return parent


def index(con: db.Connection, provinces: Iterable[str]) -> Names:
    """The names a file naming these provinsi is resolved against, with what earlier files taught.

    Only the regions inside the provinsi the file names are indexed (a national index of 83,762
    desa takes seconds to build); every provinsi is, so that one the file misspells is still
    found or reported with its candidates.
    """
    top = Names(db.query(con, "names_wilayah", {"tingkat": 1}))
    codes = sorted({c for p in set(provinces) if (c := top.find(1, "ID", str(p)).kode) is not None})
    wilayah = db.query(con, "names_wilayah_in", {"tingkat": 4, "provinsi": codes})
    return Names(wilayah, db.query(con, "names_remembered"))
