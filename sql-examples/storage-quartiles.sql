-- Running notebooks ranked by storage within their flavor: the quartile each falls in (1 holds
-- the largest volumes) and its percent rank (0 the smallest, 1 the largest).
SELECT flavor, name, volume_capacity,
       NTILE(4) OVER (PARTITION BY flavor ORDER BY volume_capacity DESC, id) AS quartile,
       ROUND(PERCENT_RANK() OVER (PARTITION BY flavor ORDER BY volume_capacity), 3) AS pct_rank
FROM notebooks
WHERE status = 'RUNNING'
ORDER BY flavor, quartile, volume_capacity DESC, id
LIMIT 12
