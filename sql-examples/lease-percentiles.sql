-- How long running notebooks are leased for, per flavor: the median auto-stop lease in hours
-- (PERCENTILE_CONT interpolates between the two middle leases) and the 90th percentile (the
-- lease that 90% of the flavor's notebooks are at or under: PERCENTILE_DISC picks a real one).
SELECT flavor, COUNT(*) AS running_notebooks,
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY lease_duration) / 3600000 AS median_hours,
       PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY lease_duration) / 3600000 AS p90_hours
FROM notebooks
WHERE status = 'RUNNING'
GROUP BY flavor
ORDER BY flavor
