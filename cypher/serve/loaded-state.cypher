// What is loaded, as each scope's current scan: it changes whenever any scope is (re)loaded,
// and is the key of the IAM model the server keeps between requests.
MATCH (s:CairnScope)
RETURN s.id AS id, coalesce(s.currentScanId, '') AS scan
ORDER BY id
