-- Schema version 3: each import says what kind of file it was (``bentuk``: ``templat``, ``target``,
-- ``daftar_portal`` …), so that every figure can name where it came from. Imports made before have
-- none and are called "impor".
ALTER TABLE import_log ADD COLUMN IF NOT EXISTS bentuk VARCHAR;
