// Lambda functions with a function URL, with its auth type and the function's resource policy.
MATCH (f:AWSLambdaFunction)
WHERE f.stub = false AND f.functionUrlAuthType IS NOT NULL
RETURN f.id AS id, f.functionUrlAuthType AS authType, f.policy AS policy
