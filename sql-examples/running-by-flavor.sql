-- Running notebooks per flavor: what compute is in use right now.
SELECT flavor, COUNT(*) AS running_now
FROM notebooks
WHERE status = 'RUNNING'
GROUP BY flavor
ORDER BY running_now DESC, flavor
