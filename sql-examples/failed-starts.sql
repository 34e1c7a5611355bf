-- Notebooks that failed to be created or started, with the reason and the step that failed.
SELECT n.name, n.status, n.fail_reason, p.step, p.step_description
FROM notebooks n
LEFT JOIN action_progress p ON p.notebook_id = n.id AND p.status = 'FAILED'
WHERE n.status IN ('CREATE_FAILED', 'START_FAILED', 'ERROR')
ORDER BY n.name, n.id, p.step
