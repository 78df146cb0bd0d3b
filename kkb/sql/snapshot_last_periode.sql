-- The newest month of the snapshots (the build's 'data as of').
SELECT max(periode) FROM snapshot
