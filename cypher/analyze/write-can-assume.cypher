// Writes this analysis's CAN_ASSUME edges into one role per group, with their evidence.
// CREATE, not MERGE: an admin principal has thousands of these edges and MERGE would scan them
// for every row; the previous analysis's edges are deleted by analysis id right after (readers
// may briefly see both). `actions` is unset for plain sts:AssumeRole and `pending` is unset when
// nothing is pending: fewer property writes on the half-million edges of a large account.
// Federated edges start at an OIDC or SAML provider node, when it is loaded.
UNWIND $groups AS g
MATCH (b:Entity {id: g.to})
UNWIND g.edges AS e
MATCH (a:Entity {id: e.from})
CREATE (a)-[r:CAN_ASSUME]->(b)
SET r.technique = e.technique,
    r.actions = e.actions,
    r.conditional = e.conditional,
    r.pending = e.pending,
    r.evidence = e.evidence,
    r.analysisId = $analysisId
