// aws-lambda-url-no-auth: every Lambda function with its function URL's auth type, and whether
// the Internet REACHES it (the resource policy also admits everyone), because a URL with auth
// type NONE leaves the resource policy as the only thing between strangers and the code.
MATCH (fn:AWSLambdaFunction)
WHERE coalesce(fn.stub, false) = false
OPTIONAL MATCH (:Internet)-[r:REACHES]->(fn)
RETURN fn.id AS resource,
       fn.account AS account,
       fn.region AS region,
       CASE WHEN fn.functionUrlAuthType = 'NONE' THEN 'FAIL' ELSE 'PASS' END AS status,
       {functionUrl: fn.functionUrl, functionUrlAuthType: fn.functionUrlAuthType,
        reachedFromInternet: r IS NOT NULL, ports: r.ports} AS evidence,
       CASE WHEN fn.functionUrlAuthType = 'NONE' AND r IS NOT NULL
              THEN 'function URL has auth type NONE and its resource policy lets anyone call it'
            WHEN fn.functionUrlAuthType = 'NONE'
              THEN 'function URL has auth type NONE; only the resource policy (not public yet) stops strangers'
            WHEN fn.functionUrlAuthType IS NULL THEN 'no function URL'
            ELSE 'function URL requires ' + fn.functionUrlAuthType + ' authentication'
       END AS message
