// aws-sagemaker-notebook-direct-internet: every SageMaker notebook instance with its direct
// internet access setting (and root access, which makes a compromise worse), because direct
// access gives the notebook a path to the internet that the VPC's controls do not see, for
// pulling tools and sending data out with the notebook's role.
MATCH (nb:AWSSageMakerNotebook)
WHERE coalesce(nb.stub, false) = false
RETURN nb.id AS resource,
       nb.account AS account,
       nb.region AS region,
       CASE nb.directInternetAccess WHEN true THEN 'FAIL' WHEN false THEN 'PASS'
            ELSE 'NOT_APPLICABLE' END AS status,
       {directInternetAccess: nb.directInternetAccess, rootAccess: nb.rootAccess,
        subnetId: nb.subnetId, status: nb.status, role: nb.roleArn} AS evidence,
       CASE nb.directInternetAccess
         WHEN true THEN 'direct internet access is enabled' +
           CASE nb.rootAccess WHEN true THEN ' and users can become root' ELSE '' END
         WHEN false THEN 'traffic goes through its VPC only (subnet ' + coalesce(nb.subnetId, '?') + ')'
         ELSE 'direct internet access setting was not collected' END AS message
