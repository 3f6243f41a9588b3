// An EC2 instance by its bare id (i-...), as `resource(id:)` also accepts.
MATCH (n:AWSEC2Instance {instanceId: $instanceId})
WHERE n.stub = false
RETURN n.id AS id
LIMIT 2
