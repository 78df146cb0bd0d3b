-- A new file starts at version 1; the migrations then bring it up to date.
INSERT INTO meta VALUES ('schema_version', '1')
