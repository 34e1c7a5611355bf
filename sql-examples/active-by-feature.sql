-- Notebooks that are up or on their way up, per feature: a dashboard tile. The first run lists
-- every notebook; once the driver has learned how many notebooks each status has, it answers from
-- the API's totals, one small page per feature and status (see docs/pushdown.md, "IN lists").
SELECT feature, COUNT(*) AS active
FROM notebooks
WHERE status IN ('RUNNING', 'STARTING', 'CREATING')
GROUP BY feature
ORDER BY feature
