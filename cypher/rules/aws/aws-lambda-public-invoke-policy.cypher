// aws-lambda-public-invoke-policy: every Lambda function with its resource policy (JSON text)
// and URL auth type; the evaluator decides whether a statement lets anyone invoke the function,
// because the statements need parsing (principals, actions, conditions, denies).
MATCH (fn:AWSLambdaFunction)
WHERE coalesce(fn.stub, false) = false
RETURN fn.id AS resource,
       fn.account AS account,
       fn.region AS region,
       {policy: fn.policy, functionUrlAuthType: fn.functionUrlAuthType} AS evidence
