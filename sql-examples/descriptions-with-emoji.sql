-- Notebooks whose description has a rocket emoji, with its length in characters (an emoji is one
-- character) and its first twelve characters.
SELECT name, CHAR_LENGTH(description) AS characters, SUBSTRING(description FROM 1 FOR 12) AS preview
FROM notebooks
WHERE description LIKE '%🚀%'
ORDER BY name
LIMIT 5
