-- Store one key/value pair of the meta table, replacing an earlier value.
INSERT OR REPLACE INTO meta VALUES ($k, $v)
