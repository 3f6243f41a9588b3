// The path keys of a run, to tell new paths from those the previous run had too.
MATCH (p:CairnAttackPath {runId: $runId})
RETURN collect(p.pathKey) AS keys
