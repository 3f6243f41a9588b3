// Every mark, newest first.
MATCH (m:CairnMark)
RETURN m {.*} AS mark
ORDER BY m.markedAt DESC, m.id
