// One run of a scheduled export: written when it starts (RUNNING) and again when it ends.
MERGE (r:CairnExportRun {id: $run.id})
SET r += $run
RETURN r.id AS id
