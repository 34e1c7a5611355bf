-- Notebooks reachable over SSH, with the IP addresses allowed to connect (empty: any address).
SELECT n.name, n.status, e.allowed_access_ips, CARDINALITY(e.ssh_keys) AS ssh_keys
FROM notebooks n
JOIN endpoints e ON e.notebook_id = n.id
WHERE e.dev_service = 'SSH'
ORDER BY n.name, n.id
