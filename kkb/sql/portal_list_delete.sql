-- Remove the Kampung KB an earlier portal list registered under these ids ($ids: P<portal id>),
-- before the newer list's rows take their place. Such rows have no snapshot (the list has none).
DELETE FROM kampung_kb WHERE list_contains($ids, id) AND sumber = 'impor'
