"""Kemendagri region codes and the hierarchy: keyed by code, never by name.

Codes are text in the dotted Kemendagri form: ``36`` (provinsi), ``36.04`` (kabupaten/kota),
``36.04.01`` (kecamatan), ``36.04.01.2001`` (desa/kelurahan). ``ID`` stands for the nation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kkb.errors import DataFileError, KkbError

NATION = "ID"
LEVELS = ("nasional", "provinsi", "kabkota", "kecamatan", "desa")
_CODE_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")

REFERENCE_FILES = {
    "provinsi": ("wilayah_provinsi.csv", "kode_prov"),
    "kabkota": ("wilayah_kabkota.csv", "kode_kab"),
    "kecamatan": ("wilayah_kecamatan.csv", "kode_kec"),
    "desa": ("wilayah_desa_kelurahan.csv", "kode_desa"),
}
_REQUIRED_COLUMNS = {
    "provinsi": ["kode_prov", "nama_prov", "luas_km2", "penduduk_2024s2", "label_lat", "label_lng"],
    "kabkota": ["kode_kab", "kode_prov", "nama_kab", "nama_kab_singkat", "jenis", "luas_km2"],
    "kecamatan": ["kode_kec", "kode_kab", "kode_prov", "nama_kec"],
    "desa": ["kode_desa", "kode_kec", "kode_kab", "kode_prov", "nama_desa", "jenis", "lat", "lng"],
}
_CODE_COLUMNS = ["kode_prov", "kode_kab", "kode_kec", "kode_desa"]


def is_valid_code(code: str) -> bool:
    """Tell whether ``code`` has the dotted Kemendagri form of one of the four levels (or is ``ID``)."""
    return code == NATION or bool(_CODE_RE.match(code))


def level_of(code: str) -> int:
    """Return the level of a code: 0 nation, 1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan."""
    if code == NATION:
        return 0
    if not _CODE_RE.match(code):
        raise ValueError(f"bukan kode wilayah Kemendagri: {code!r} (contoh: 36, 36.04, 36.04.01)")
    return code.count(".") + 1


def parent_of(code: str) -> str | None:
    """Return the parent's code (``ID`` for a province, ``None`` for the nation)."""
    level = level_of(code)
    if level == 0:
        return None
    if level == 1:
        return NATION
    return code.rsplit(".", 1)[0]


def ancestors_of(code: str) -> list[str]:
    """Return the codes from the nation down to ``code`` itself."""
    chain = [code]
    parent = parent_of(code)
    while parent is not None:
        chain.append(parent)
        parent = parent_of(parent)
    return list(reversed(chain))


def is_kota(kode_kab: str) -> bool:
    """Tell whether a kab/kota code is a kota (KK 71–99) rather than a kabupaten (01–69)."""
    if level_of(kode_kab) != 2:
        raise ValueError(f"bukan kode kabupaten/kota: {kode_kab!r}")
    return int(kode_kab[-2:]) >= 70


def desa_type(kode_desa: str) -> str:
    """Return ``Kelurahan``, ``Desa`` or ``Desa Adat`` from the first digit of the village part."""
    if level_of(kode_desa) != 4:
        raise ValueError(f"bukan kode desa/kelurahan: {kode_desa!r}")
    return {"1": "Kelurahan", "2": "Desa", "3": "Desa Adat"}.get(kode_desa[-4], "Desa")


def within(code: str, region: str) -> bool:
    """Tell whether ``code`` lies in ``region`` (a region contains itself; the nation contains all)."""
    return region == NATION or code == region or code.startswith(region + ".")


_PREFIXES = (
    "kabupaten administrasi",
    "kota administrasi",
    "kota adm.",
    "kota adm",
    "kabupaten",
    "kab.",
    "kab",
    "kota",
    "provinsi",
    "prov.",
    "kecamatan",
    "kec.",
    "kelurahan",
    "kel.",
    "desa",
)


def normalise_name(name: str) -> str:
    """Fold a region name for matching: case, accents, spacing and punctuation do not count."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9.]+", " ", text.lower()).strip()
    return re.sub(r"\s+", " ", text)


def split_name(name: str) -> tuple[str | None, str]:
    """Split a kab/kota name into (``Kabupaten``/``Kota``/None, the bare name) for tolerant matching."""
    text = normalise_name(name)
    for prefix in _PREFIXES:
        if text == prefix or text.startswith(prefix + " ") or text.startswith(prefix + "."):
            bare = text[len(prefix) :].strip(" .")
            kind = "Kota" if prefix.startswith("kota") else None
            if prefix.startswith("kab"):
                kind = "Kabupaten"
            return kind, bare.replace(".", "")
    return None, text.replace(".", "")


@dataclass(frozen=True)
class Reference:
    """The four Kemendagri levels as read from ``data/`` (codes kept as text)."""

    provinsi: pd.DataFrame
    kabkota: pd.DataFrame
    kecamatan: pd.DataFrame
    desa: pd.DataFrame


def read_reference(data_dir: Path) -> Reference:
    """Read and check the four region files of ``data_dir``; raise ``DataFileError`` naming the file."""
    frames: dict[str, pd.DataFrame] = {}
    for level, (filename, key) in REFERENCE_FILES.items():
        path = data_dir / filename
        if not path.exists():
            raise DataFileError(
                path, "berkas data wilayah tidak ada", "pulihkan dengan `git checkout -- data/`"
            )
        try:
            frame = pd.read_csv(path, dtype={c: str for c in _CODE_COLUMNS}, keep_default_na=False)
        except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
            raise DataFileError(
                path,
                f"tidak dapat dibaca sebagai CSV ({exc})",
                "pulihkan dengan `git checkout -- data/`",
            ) from exc
        missing = [c for c in _REQUIRED_COLUMNS[level] if c not in frame.columns]
        if missing:
            raise DataFileError(
                path,
                f"kolom {', '.join(missing)} tidak ada",
                "berkas rusak; pulihkan dengan `git checkout -- data/`",
            )
        bad = frame[~frame[key].map(lambda c: bool(_CODE_RE.match(str(c))))]
        if len(bad):
            row = int(bad.index[0]) + 2
            raise DataFileError(
                path,
                f"baris {row}: kode {bad[key].iloc[0]!r} bukan kode Kemendagri",
                "pulihkan dengan `git checkout -- data/`",
            )
        if frame[key].duplicated().any():
            dup = frame.loc[frame[key].duplicated(), key].iloc[0]
            raise DataFileError(
                path, f"kode {dup!r} muncul dua kali", "pulihkan dengan `git checkout -- data/`"
            )
        frames[level] = frame
    _check_parents(data_dir, frames)
    return Reference(**frames)


def _check_parents(data_dir: Path, frames: dict[str, pd.DataFrame]) -> None:
    pairs = [("kabkota", "kode_prov", "provinsi"), ("kecamatan", "kode_kab", "kabkota")]
    pairs.append(("desa", "kode_kec", "kecamatan"))
    for child, column, parent in pairs:
        known = set(frames[parent][REFERENCE_FILES[parent][1]])
        orphan = frames[child][~frames[child][column].isin(known)]
        if len(orphan):
            path = data_dir / REFERENCE_FILES[child][0]
            raise DataFileError(
                path,
                f"baris {int(orphan.index[0]) + 2}: induk {orphan[column].iloc[0]!r} tidak dikenal",
                "pulihkan dengan `git checkout -- data/`",
            )


def wilayah_table(ref: Reference) -> pd.DataFrame:
    """Flatten the four levels into one table keyed by ``kode`` with level, parent, names and counts."""
    desa = ref.desa
    n_desa = {
        "provinsi": desa.groupby("kode_prov").size(),
        "kabkota": desa.groupby("kode_kab").size(),
        "kecamatan": desa.groupby("kode_kec").size(),
    }
    n_kec = {
        "provinsi": ref.kecamatan.groupby("kode_prov").size(),
        "kabkota": ref.kecamatan.groupby("kode_kab").size(),
    }
    prov = pd.DataFrame(
        {
            "kode": ref.provinsi["kode_prov"],
            "tingkat": 1,
            "kode_induk": NATION,
            "nama": ref.provinsi["nama_prov"],
            "nama_singkat": ref.provinsi["nama_prov"],
            "jenis": "Provinsi",
            "lat": pd.to_numeric(ref.provinsi["label_lat"]),
            "lng": pd.to_numeric(ref.provinsi["label_lng"]),
            "luas_km2": pd.to_numeric(ref.provinsi["luas_km2"]),
            "penduduk": pd.to_numeric(ref.provinsi["penduduk_2024s2"]),
        }
    )
    kab = pd.DataFrame(
        {
            "kode": ref.kabkota["kode_kab"],
            "tingkat": 2,
            "kode_induk": ref.kabkota["kode_prov"],
            "nama": ref.kabkota["nama_kab"],
            "nama_singkat": ref.kabkota["nama_kab_singkat"],
            "jenis": ref.kabkota["jenis"],
            "lat": pd.to_numeric(ref.kabkota["label_lat"]),
            "lng": pd.to_numeric(ref.kabkota["label_lng"]),
            "luas_km2": pd.to_numeric(ref.kabkota["luas_km2"]),
            "penduduk": pd.to_numeric(ref.kabkota["penduduk_2024s2"]),
        }
    )
    kec = pd.DataFrame(
        {
            "kode": ref.kecamatan["kode_kec"],
            "tingkat": 3,
            "kode_induk": ref.kecamatan["kode_kab"],
            "nama": ref.kecamatan["nama_kec"],
            "nama_singkat": ref.kecamatan["nama_kec"],
            "jenis": "Kecamatan",
        }
    )
    des = pd.DataFrame(
        {
            "kode": desa["kode_desa"],
            "tingkat": 4,
            "kode_induk": desa["kode_kec"],
            "nama": desa["nama_desa"],
            "nama_singkat": desa["nama_desa"],
            "jenis": desa["jenis"],
            "lat": pd.to_numeric(desa["lat"].replace("", None)),
            "lng": pd.to_numeric(desa["lng"].replace("", None)),
        }
    )
    table = pd.concat([prov, kab, kec, des], ignore_index=True)
    counts_desa = pd.concat([n_desa["provinsi"], n_desa["kabkota"], n_desa["kecamatan"]])
    counts_kec = pd.concat([n_kec["provinsi"], n_kec["kabkota"]])
    table["jml_desa_kel"] = table["kode"].map(counts_desa).fillna(0).astype("int64")
    table["jml_kecamatan"] = table["kode"].map(counts_kec).fillna(0).astype("int64")
    table.loc[table["tingkat"] == 3, "jml_kecamatan"] = 1
    table.loc[table["tingkat"] == 4, ["jml_desa_kel", "jml_kecamatan"]] = [1, 0]
    return table[
        [
            "kode",
            "tingkat",
            "kode_induk",
            "nama",
            "nama_singkat",
            "jenis",
            "lat",
            "lng",
            "luas_km2",
            "penduduk",
            "jml_desa_kel",
            "jml_kecamatan",
        ]
    ]


class Regions:
    """The hierarchy in memory: names, parents, children and tolerant name lookups."""

    def __init__(self, wilayah: pd.DataFrame) -> None:
        self.table = wilayah.set_index("kode", drop=False)
        self._children: dict[str, list[str]] = {}
        for parent, group in self.table.groupby("kode_induk", sort=False):
            self._children[str(parent)] = sorted(group["kode"].tolist())
        self._by_name: dict[tuple[int, str], list[str]] = {}
        self._labels: dict[str, str] = {NATION: "Indonesia"}
        for code, level, name, short in zip(
            self.table["kode"],
            self.table["tingkat"],
            self.table["nama"],
            self.table["nama_singkat"],
            strict=True,
        ):
            kind = ("Kota" if is_kota(str(code)) else "Kab.") if int(level) == 2 else ""
            self._labels[str(code)] = f"{kind} {short}" if kind else str(name)
            keys = {normalise_name(name), split_name(name)[1], normalise_name(short)}
            for key in keys:
                self._by_name.setdefault((int(level), key), []).append(str(code))

    def __contains__(self, code: object) -> bool:
        return code == NATION or code in self.table.index

    def require(self, code: str) -> str:
        """Return ``code`` if it names a known region, else raise KkbError saying what is accepted."""
        if not is_valid_code(code) or code not in self:
            raise KkbError(f"kode wilayah {code!r} tidak dikenal (contoh: ID, 36, 36.04, 36.04.01)")
        return code

    def name(self, code: str) -> str:
        """Return the official name of ``code`` (``Indonesia`` for the nation)."""
        if code == NATION:
            return "Indonesia"
        return str(self.table.at[code, "nama"])

    def label(self, code: str) -> str:
        """Return a short display label: ``Kab. Serang``, ``Kota Serang``, ``Banten``."""
        return self._labels[code]

    def children(self, code: str) -> list[str]:
        """Return the codes one level below ``code``, sorted."""
        return self._children.get(code, [])

    def level(self, code: str) -> int:
        """Return the level of ``code`` (see ``level_of``)."""
        return level_of(code)

    def count_desa(self, code: str) -> int:
        """Return the number of desa/kelurahan (Kemendagri) in ``code``."""
        if code == NATION:
            return int(self.table.loc[self.table["tingkat"] == 1, "jml_desa_kel"].sum())
        return int(str(self.table.at[code, "jml_desa_kel"]))

    def count_kecamatan(self, code: str) -> int:
        """Return the number of kecamatan (Kemendagri) in ``code``."""
        if code == NATION:
            return int(self.table.loc[self.table["tingkat"] == 1, "jml_kecamatan"].sum())
        return int(str(self.table.at[code, "jml_kecamatan"]))

    def lookup(self, name: str, level: int, within_code: str = NATION) -> list[str]:
        """Return the codes at ``level`` whose name matches ``name`` (tolerant), inside ``within_code``.

        "Kab. Serang", "KABUPATEN  SERANG" and "kabupaten serang" find 36.04; "Kota Serang" finds 36.73;
        a bare "Serang" finds both, and the caller must report the ambiguity.
        """
        kind, bare = split_name(name)
        candidates = self._by_name.get((level, normalise_name(name)), []) + self._by_name.get(
            (level, bare), []
        )
        found = sorted({c for c in candidates if within(c, within_code)})
        if level == 2 and kind is not None:
            found = [c for c in found if is_kota(c) == (kind == "Kota")]
        return found
