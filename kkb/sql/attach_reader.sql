-- Open the file read-only in a fresh in-memory instance (see db._attach).
ATTACH $path AS kkb_baca (READ_ONLY)
