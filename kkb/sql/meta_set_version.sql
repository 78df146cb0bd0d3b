-- Record the schema version a migration brought the file to.
UPDATE meta SET value = $v WHERE key = 'schema_version'
