-- The column names of one table, in schema order.
SELECT column_name FROM information_schema.columns WHERE table_name = $t ORDER BY ordinal_position
