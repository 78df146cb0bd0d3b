"""The columns of a snapshot (SPEC §4.1): what a Kampung KB reports, in the import template's order.

The vocabulary every reader, check and rule shares: flags (0/1), counts, the denominators of the
participation shares and the contraceptive methods. ``kkb.classification`` turns them into scores.
"""

from __future__ import annotations

FLAG_COLUMNS = (
    "pokja",
    "pokja_terlatih",
    "pokja_sk",
    "bkb",
    "bkr",
    "bkl",
    "uppka",
    "pikr",
    "sekretariat",
    "rumah_dataku",
    "plkb_pendamping",
    "regulasi",
    "rkm",
)
POKTAN = ("bkb", "bkr", "bkl", "uppka", "pikr")
METHODS_KB = ("kb_iud", "kb_mow", "kb_mop", "kb_implan", "kb_suntik", "kb_pil", "kb_kondom")
MKJP_METHODS = ("kb_iud", "kb_mow", "kb_mop", "kb_implan")
NOT_USING = ("tidak_kb_hamil", "tidak_kb_ingin_anak_segera", "tidak_kb_iat", "tidak_kb_tial")
DENOMINATORS: tuple[str, ...] = (
    "pus",
    "jumlah_keluarga",
    "jumlah_remaja",
    "keluarga_balita",
    "keluarga_remaja",
    "keluarga_lansia",
)
PARTICIPANTS = ("peserta_bkb", "peserta_bkr", "peserta_bkl", "peserta_uppka", "peserta_pikr")
#: participants and their denominators, in the portal's order
PARTICIPATION_PAIRS = (
    ("peserta_bkb", "keluarga_balita"),
    ("peserta_bkr", "keluarga_remaja"),
    ("peserta_bkl", "keluarga_lansia"),
    ("peserta_uppka", "jumlah_keluarga"),
    ("peserta_pikr", "jumlah_remaja"),
)
COUNT_COLUMNS = (
    (
        "pokja_anggota",
        "sumber_dana",
        "penggunaan_data",
        "mekanisme_operasional",
        "instansi_terlibat",
    )
    + DENOMINATORS
    + PARTICIPANTS
    + METHODS_KB
    + NOT_USING
)
#: the SPEC §4.1 columns of a snapshot, in the order of the import template
INPUT_COLUMNS = (
    "pokja",
    "pokja_anggota",
    "pokja_terlatih",
    "pokja_sk",
    "sumber_dana",
    *POKTAN,
    "sekretariat",
    "rumah_dataku",
    "plkb_pendamping",
    "regulasi",
    "rkm",
    "penggunaan_data",
    "mekanisme_operasional",
    "instansi_terlibat",
    *DENOMINATORS,
    *PARTICIPANTS,
    *METHODS_KB,
    *NOT_USING,
)
#: SPEC §4.1 columns the portal's rules never read: a file without them can still be classified
UNUSED_BY_RULES = ("pokja_sk", "rkm", "tidak_kb_hamil", "tidak_kb_ingin_anak_segera")
#: how many items the counted lists have (SPEC §4.1); a larger count is a data-quality flag
COUNT_LIMITS = {"sumber_dana": 6, "penggunaan_data": 5, "mekanisme_operasional": 5}
