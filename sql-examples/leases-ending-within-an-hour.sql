-- Running notebooks whose auto-stop lease ends within the next hour (lease end = create_at + duration).
SELECT name, owner, flavor,
       TIMESTAMPADD(SECOND, CAST(lease_duration / 1000 AS INTEGER), lease_create_at) AS lease_ends_at
FROM notebooks
WHERE status = 'RUNNING'
  AND lease_enable
  AND TIMESTAMPADD(SECOND, CAST(lease_duration / 1000 AS INTEGER), lease_create_at)
      BETWEEN CURRENT_TIMESTAMP AND TIMESTAMPADD(HOUR, 1, CURRENT_TIMESTAMP)
ORDER BY lease_ends_at, name
