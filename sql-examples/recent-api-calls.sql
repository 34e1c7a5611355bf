-- What the previous statements of this connection cost: the API calls they made.
SELECT COUNT(*) AS calls, SUM(duration_ms) AS total_ms, SUM("rows") AS rows_read
FROM api_calls
