"""The raw columns of the demo's snapshots: indicator scores drawn for an intended class, then values.

``raw_columns`` is the part of SPEC §7 that turns "this Kampung KB is Mandiri this month" into the
counts, flags and populations a KKBPK report would hold, so that the real engine classifies them
back into that class. A few snapshots are made messy the way real reports are (empty outputs, PUS
left out, more BKB participants than families with toddlers) without changing their class.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kkb.classification import CLASSES
from kkb.columns import (
    DENOMINATORS,
    METHODS_KB,
    MKJP_METHODS,
    NOT_USING,
    PARTICIPANTS,
    PARTICIPATION_PAIRS,
    POKTAN,
)
from kkb.indicators import DIMENSION_INDICATORS, DIMENSIONS

_SCORE_ORDER = tuple(ind.key for d in DIMENSIONS for ind in DIMENSION_INDICATORS[d])
_PAIRS = PARTICIPATION_PAIRS


def raw_columns(snap: pd.DataFrame, kampung: pd.DataFrame, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """The raw input columns of each snapshot (``row``, ``kelas``, ``age``) that give its class.

    Which dimensions pass is fixed by the class (with a persistent choice for Dasar and Mandiri);
    the indicator scores are drawn inside that, then turned into counts, flags and populations.
    """
    n = len(snap)
    row = snap["row"].to_numpy()
    nk = len(kampung)
    klass = snap["kelas"].to_numpy()
    maturity = np.minimum(snap["age"].to_numpy() / 48, 1.0)

    # which dimensions pass: fixed by class, with a persistent choice for Dasar and Mandiri
    dasar_pattern = rng.integers(0, 5, nk)[row]  # 0,1 none; 2 input; 3 proses; 4 output
    mandiri_input = (rng.uniform(0, 1, nk) < 0.6)[row]
    passes = np.zeros((n, 3), dtype=bool)
    is_ = {c: klass == c for c in CLASSES}
    passes[is_["Berkembang"]] = (True, True, False)
    passes[is_["Berkelanjutan"]] = (True, True, True)
    m = is_["Mandiri"]
    passes[m, 0] = mandiri_input[m]
    passes[m, 1] = ~mandiri_input[m]
    passes[m, 2] = True
    d = is_["Dasar"]
    for j, code in enumerate((2, 3, 4)):
        passes[d, j] = dasar_pattern[d] == code

    scores = np.zeros((n, 12), dtype=np.int64)
    column = 0
    for j, dimension in enumerate(DIMENSIONS):
        indicators = DIMENSION_INDICATORS[dimension]
        k = len(indicators)
        caps = np.array([ind.max_score for ind in indicators])
        need = int(np.ceil(3 * k - 1e-9))
        quality = np.clip(0.55 * rng.uniform(0, 1, nk)[row] + 0.45 * maturity, 0, 1)
        lo = np.where(passes[:, j], need, k)
        hi = np.where(passes[:, j], caps.sum(), need - 1)
        total = lo + np.floor(quality * (hi - lo + 1)).astype(int)
        total = np.minimum(total, hi)
        weights = rng.uniform(0.2, 1.0, (nk, k))[row]
        scores[:, column : column + k] = _spread(total, weights, caps)
        column += k
    return _values_from_scores(scores, snap, kampung, rng)


def _spread(total: np.ndarray, weights: np.ndarray, caps: np.ndarray) -> np.ndarray:
    """Split each row's score total over its indicators (each 1..cap), favouring heavier weights."""
    n, k = weights.shape
    out = np.ones((n, k), dtype=np.int64)
    remaining = total - k
    for _ in range(int(caps.sum() - k)):
        room = out < caps
        if not (remaining > 0).any():
            break
        priority = np.where(room, weights - out / caps, -np.inf)
        pick = np.argmax(priority, axis=1)
        give = (remaining > 0) & room[np.arange(n), pick]
        out[np.arange(n)[give], pick[give]] += 1
        remaining = remaining - give
    return out


def _numerator(pct: np.ndarray, denominator: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """A count whose portal percentage of ``denominator`` lies in [lo, hi], as close to ``pct`` as may be."""
    base = np.rint(pct * denominator / 100)
    best = base.copy()
    found = np.zeros(len(base), dtype=bool)
    for offset in (0, -1, 1, -2, 2, -3, 3):
        k = np.clip(base + offset, 0, denominator)
        with np.errstate(divide="ignore", invalid="ignore"):
            got = np.rint(k / denominator * 100)
        ok = ~found & (got >= lo) & (got <= hi)
        best[ok] = k[ok]
        found |= ok
    return np.asarray(best, dtype=float)


def _pick_in_band(
    score: np.ndarray, bands: dict[int, tuple[int, int]], r: np.ndarray
) -> tuple[np.ndarray, ...]:
    lo = np.array([bands[int(s)][0] for s in range(1, 5)])[score - 1]
    hi = np.array([bands[int(s)][1] for s in range(1, 5)])[score - 1]
    value = lo + np.floor(r * (hi - lo + 1))
    return np.minimum(value, hi), lo, hi


def _values_from_scores(
    scores: np.ndarray, snap: pd.DataFrame, kampung: pd.DataFrame, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    n = len(scores)
    row = snap["row"].to_numpy()
    nk = len(kampung)
    persistent = rng.uniform(0, 1, (nk, 24))[row]
    v: dict[str, np.ndarray] = {}
    s = {name: scores[:, i] for i, name in enumerate(_SCORE_ORDER)}

    # input: pokja (level = score - 1), funding, poktan, sarana, PKB
    level = s["pokja"] - 1
    v["pokja"] = (level >= 1).astype(float)
    trained_first = persistent[:, 0] < 0.5
    has_members = (level == 3) | ((level == 2) & ~trained_first)
    v["pokja_anggota"] = np.where(has_members, 5 + np.floor(persistent[:, 1] * 21), 0.0)
    v["pokja_terlatih"] = ((level == 3) | ((level == 2) & trained_first)).astype(float)
    v["pokja_sk"] = ((level >= 1) & (persistent[:, 2] < 0.4 + 0.2 * level)).astype(float)
    v["sumber_dana"] = np.select(
        [s["sumber_dana"] == 1, s["sumber_dana"] == 2, s["sumber_dana"] == 3],
        [0, 1, 2 + np.floor(persistent[:, 3] * 3)],
        5 + np.floor(persistent[:, 4] * 2),
    ).astype(float)
    n_poktan = np.select(
        [s["poktan"] == 1, s["poktan"] == 2, s["poktan"] == 3],
        [0, 1 + np.floor(persistent[:, 5] * 2), 3 + np.floor(persistent[:, 6] * 2)],
        5,
    ).astype(int)
    order = np.argsort(rng.uniform(0, 1, (nk, 5))[row], axis=1)
    owned = np.zeros((n, 5), dtype=bool)
    for j in range(5):
        owned[np.arange(n), order[:, j]] |= n_poktan > j
    for j, name in enumerate(POKTAN):
        v[name] = owned[:, j].astype(float)
    sarana = s["sarana"] - 1
    sekretariat_first = persistent[:, 7] < 0.7
    v["sekretariat"] = ((sarana == 2) | ((sarana == 1) & sekretariat_first)).astype(float)
    v["rumah_dataku"] = ((sarana == 2) | ((sarana == 1) & ~sekretariat_first)).astype(float)
    pkb = s["pkb"] - 1
    plkb_first = persistent[:, 8] < 0.75
    v["plkb_pendamping"] = ((pkb == 2) | ((pkb == 1) & plkb_first)).astype(float)
    v["regulasi"] = ((pkb == 2) | ((pkb == 1) & ~plkb_first)).astype(float)
    v["rkm"] = (persistent[:, 9] < 0.25 + 0.15 * (s["mekanisme_operasional"] - 1)).astype(float)

    # proses
    v["penggunaan_data"] = np.select(
        [s["penggunaan_data"] == 1, s["penggunaan_data"] == 2, s["penggunaan_data"] == 3],
        [0, 1, 2 + np.floor(persistent[:, 10] * 2)],
        4 + np.floor(persistent[:, 11] * 2),
    ).astype(float)
    v["mekanisme_operasional"] = np.select(
        [
            s["mekanisme_operasional"] == 1,
            s["mekanisme_operasional"] == 2,
            s["mekanisme_operasional"] == 3,
        ],
        [0, 1 + np.floor(persistent[:, 12] * 2), 3 + np.floor(persistent[:, 13] * 2)],
        5,
    ).astype(float)
    v["instansi_terlibat"] = np.select(
        [s["lintas_sektor"] == 1, s["lintas_sektor"] == 2, s["lintas_sektor"] == 3],
        [0, 1 + np.floor(persistent[:, 14] * 3), 4 + np.floor(persistent[:, 15] * 3)],
        7 + np.floor(persistent[:, 16] * 6),
    ).astype(float)

    # output denominators: persistent per Kampung KB, growing slowly
    growth = 1 + 0.01 * snap["age"].to_numpy() / 12
    pus = np.clip(np.rint(np.exp(rng.normal(6.5, 0.45, nk))[row] * growth), 350, 3200)
    keluarga = np.rint(pus * (1.25 + 0.35 * persistent[:, 17]))
    v["pus"] = pus
    v["jumlah_keluarga"] = keluarga
    v["keluarga_balita"] = np.maximum(100, np.rint(keluarga * (0.25 + 0.15 * persistent[:, 18])))
    v["keluarga_remaja"] = np.maximum(100, np.rint(keluarga * (0.25 + 0.15 * persistent[:, 19])))
    v["keluarga_lansia"] = np.maximum(100, np.rint(keluarga * (0.2 + 0.15 * persistent[:, 20])))
    v["jumlah_remaja"] = np.maximum(100, np.rint(keluarga * (0.5 + 0.3 * persistent[:, 21])))

    # partisipasi poktan: five whole percentages whose rounded mean lies in the score's band
    r = rng.uniform(0, 1, n)
    mean, _, _ = _pick_in_band(s["partisipasi_poktan"], {1: (2, 9), 2: (10, 20), 3: (21, 30), 4: (31, 55)}, r)
    a = np.minimum(np.floor(persistent[:, 22] * 4), mean)
    b = np.minimum(np.floor(persistent[:, 23] * 4), mean)
    shares = np.column_stack([mean + a, mean - a, mean + b, mean - b, mean])
    for j, (numerator, denominator) in enumerate(_PAIRS):
        den = v[denominator]
        v[numerator] = _numerator(shares[:, j], den, shares[:, j], shares[:, j])

    # CPR and the method mix
    cpr, lo, hi = _pick_in_band(
        s["cpr"], {1: (15, 29), 2: (30, 40), 3: (41, 50), 4: (51, 75)}, rng.uniform(0, 1, n)
    )
    users = _numerator(cpr, pus, lo, hi)
    mk, lo, hi = _pick_in_band(
        s["mkjp"], {1: (5, 19), 2: (20, 22), 3: (23, 24), 4: (25, 45)}, rng.uniform(0, 1, n)
    )
    long_acting = _numerator(mk, users, lo, hi)
    split = rng.dirichlet([6, 5, 2.5, 0.5], nk)[row]  # implan, iud, mow, mop
    implan = np.floor(long_acting * split[:, 0])
    iud = np.floor(long_acting * split[:, 1])
    mow = np.floor(long_acting * split[:, 2])
    v["kb_implan"], v["kb_iud"], v["kb_mow"] = implan, iud, mow
    v["kb_mop"] = long_acting - implan - iud - mow
    short = users - long_acting
    split = rng.dirichlet([6.5, 2.5, 1.0], nk)[row]  # suntik, pil, kondom
    suntik = np.floor(short * split[:, 0])
    pil = np.floor(short * split[:, 1])
    v["kb_suntik"], v["kb_pil"] = suntik, pil
    v["kb_kondom"] = short - suntik - pil
    assert set(MKJP_METHODS) <= set(v)

    # unmet need and the other non-users (never more than PUS altogether)
    un, lo, hi = _pick_in_band(
        s["unmet_need"], {1: (13, 22), 2: (10, 12), 3: (7, 9), 4: (1, 6)}, rng.uniform(0, 1, n)
    )
    unmet = _numerator(un, pus, lo, hi)
    iat_share = 0.4 + 0.3 * rng.uniform(0, 1, nk)[row]
    v["tidak_kb_iat"] = np.floor(unmet * iat_share)
    v["tidak_kb_tial"] = unmet - v["tidak_kb_iat"]
    room = np.maximum(pus - users - unmet, 0)
    v["tidak_kb_hamil"] = np.minimum(room, np.rint(pus * 0.03))
    v["tidak_kb_ingin_anak_segera"] = np.minimum(room - v["tidak_kb_hamil"], np.rint(pus * 0.025))

    _inject_quality_issues(v, scores, snap, rng)
    return v


def _inject_quality_issues(
    v: dict[str, np.ndarray], scores: np.ndarray, snap: pd.DataFrame, rng: np.random.Generator
) -> None:
    """Make a few snapshots messy the way real reports are, without changing their class.

    Only rows whose output dimension fails, and would still fail, are touched.
    """
    n = len(scores)
    output_sum = scores[:, 8:].sum(axis=1)
    failing = output_sum < 12
    draw = rng.uniform(0, 1, n)
    # a new Kampung KB often has no KKBPK report yet
    empty = failing & (snap["age"].to_numpy() < 3) & (draw < 0.5)
    empty |= failing & (draw > 0.985)
    output_columns = DENOMINATORS + PARTICIPANTS + METHODS_KB + NOT_USING
    for name in output_columns:
        v[name] = np.where(empty, np.nan, v[name])
    # PUS left empty while IAT/TIAL are reported: the portal then scores unmet need 4 (SPEC §4.2)
    quirk = failing & ~empty & (draw > 0.96) & (draw <= 0.965) & (scores[:, 8] <= 2)
    v["pus"] = np.where(quirk, np.nan, v["pus"])
    # more BKB participants than families with toddlers
    over = failing & ~empty & ~quirk & (draw > 0.95) & (draw <= 0.955) & (output_sum <= 8)
    v["peserta_bkb"] = np.where(over, v["keluarga_balita"] + 3, v["peserta_bkb"])
