-- The file's schema version (no row: a file of none of ours).
SELECT value FROM meta WHERE key = 'schema_version'
