// One attack-path run: what it found and the settings it judged by (JSON text), so pages, what-if
// and blast radius read the same model, and a run that found nothing still replaces the last.
MERGE (r:CairnPathRun {id: $run.id})
SET r += $run
RETURN r.id AS id
