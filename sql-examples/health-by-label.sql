-- Notebooks per health label, from an inline mapping of statuses to labels (a VALUES list, as BI
-- tools write one): the labels of different lengths are not padded, and every status matches.
SELECT v.label, COUNT(*) AS notebooks
FROM notebooks n
JOIN (VALUES ('RUNNING', 'up'),
             ('STARTING', 'starting'),
             ('ERROR', 'broken'),
             ('CREATE_FAILED', 'broken')) AS v(status, label)
  ON n.status = v.status
GROUP BY v.label
ORDER BY v.label
