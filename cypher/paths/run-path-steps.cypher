// Every path of one run with its score and steps (JSON text), for choke points.
MATCH (p:CairnAttackPath {runId: $runId})
RETURN p.score AS score, p.steps AS steps
