-- Images in use: how many notebooks run each, and how many of them are running now.
SELECT i.name, i.tag, i.type, COUNT(*) AS notebooks,
       SUM(CASE WHEN n.status = 'RUNNING' THEN 1 ELSE 0 END) AS running_now
FROM images i
JOIN notebooks n ON n.image_id = i.id
GROUP BY i.name, i.tag, i.type
ORDER BY notebooks DESC, i.name, i.tag
