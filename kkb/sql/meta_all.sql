-- Every key/value pair of the meta table.
SELECT key, value FROM meta
