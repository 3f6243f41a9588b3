import { RESOURCE_ROLE, type ActionNeed, type Technique } from '../technique.js';
import { pathfinding, pmapper, rhino, vulnerable } from './sources.js';

const on = (...actions: string[]): ActionNeed[] =>
  actions.map((action) => ({ action, on: 'resource' }));

/**
 * Replaced code only runs when the function is invoked: by the caller if it may, otherwise by
 * whatever already triggers it, which Cairn does not see.
 */
const invoked: ActionNeed = {
  action: 'lambda:InvokeFunction',
  on: 'resource',
  otherwise: 'the function is invoked (by its triggers or another principal) after the change',
};

/** The stack keeps its service role, so CloudFormation asks for no iam:PassRole. */
const keepingRole = (action: string): ActionNeed => ({
  action,
  on: 'resource',
  context: { 'cloudformation:RoleArn': RESOURCE_ROLE },
});

const SSH_REACH =
  'the caller can reach the instance on SSH (security groups and routes are not evaluated yet)';

/**
 * Existing resources whose code runs as a role: change what they run, or run commands on them,
 * and act as that role without passing it (Rhino Security Labs 17 and 19; PMapper's Lambda,
 * SSM, CloudFormation and CodeBuild edges; pathfinding.cloud).
 */
export const EXISTING_RESOURCE_TECHNIQUES: readonly Technique[] = [
  {
    id: 'aws.lambda.UpdateFunctionCode',
    title: "Replace an existing function's code, which then runs as its execution role",
    shape: { kind: 'existing-resource', resource: 'lambda-function' },
    needs: [...on('lambda:UpdateFunctionCode'), invoked],
    sources: [
      rhino('lambda:UpdateFunctionCode'),
      vulnerable('privesc17-EditExistingLambdaFunctionWithRole'),
      pmapper('Lambda edges'),
      pathfinding('lambda:UpdateFunctionCode'),
    ],
  },
  {
    id: 'aws.lambda.UpdateFunctionConfigurationLayer',
    title:
      "Add a layer with the caller's code and have the function run it (handler, exec wrapper)",
    // Layers cannot be added to container-image functions.
    shape: {
      kind: 'existing-resource',
      resource: 'lambda-function',
      requires: { zipPackage: true },
    },
    needs: [
      ...on('lambda:UpdateFunctionConfiguration'),
      // Lambda checks the caller may read the layer version it adds: one it publishes, or one
      // shared from an account it controls.
      { action: 'lambda:GetLayerVersion', on: 'new-resource' },
      invoked,
    ],
    sources: [pathfinding('lambda:UpdateFunctionConfiguration')],
  },
  {
    id: 'aws.ssm.SendCommand',
    title:
      "Run a shell command on an SSM-managed instance and read its instance profile's credentials",
    shape: { kind: 'existing-resource', resource: 'ec2-instance', requires: { ssmManaged: true } },
    // AWS authorizes the command on the instance and on the document it runs.
    needs: [
      {
        action: 'ssm:SendCommand',
        on: 'resource',
        alsoOn: ['arn:{partition}:ssm:{region}::document/AWS-RunShellScript'],
      },
    ],
    sources: [
      vulnerable('privesc-ssmSendCommand'),
      pmapper('SSM edges'),
      pathfinding('ssm:SendCommand'),
    ],
  },
  {
    id: 'aws.ssm.StartSession',
    title:
      "Open a Session Manager shell on an SSM-managed instance and read its role's credentials",
    shape: { kind: 'existing-resource', resource: 'ec2-instance', requires: { ssmManaged: true } },
    needs: on('ssm:StartSession'),
    sources: [
      vulnerable('privesc-ssmStartSession'),
      pmapper('SSM edges'),
      pathfinding('ssm:StartSession'),
    ],
  },
  {
    id: 'aws.ec2-instance-connect.SendSSHPublicKey',
    title: "Push a temporary SSH key to a Linux instance, log in and read its role's credentials",
    shape: { kind: 'existing-resource', resource: 'ec2-instance', requires: { linux: true } },
    needs: on('ec2-instance-connect:SendSSHPublicKey'),
    sources: [
      vulnerable('privesc-ec2InstanceConnect'),
      pathfinding('ec2-instance-connect:SendSSHPublicKey'),
    ],
    unverifiable: `${SSH_REACH}, and the instance runs the EC2 Instance Connect agent`,
  },
  {
    id: 'aws.cloudformation.UpdateStack',
    title: "Update a stack with a template of the caller's, deployed by the stack's service role",
    shape: { kind: 'existing-resource', resource: 'cloudformation-stack' },
    needs: [keepingRole('cloudformation:UpdateStack')],
    sources: [
      vulnerable('privesc-cloudFormationUpdateStack'),
      pmapper('CloudFormation edges'),
      pathfinding('cloudformation:UpdateStack'),
    ],
  },
  {
    id: 'aws.cloudformation.CreateChangeSet',
    title: "Create and execute a change set on a stack, deployed by the stack's service role",
    shape: { kind: 'existing-resource', resource: 'cloudformation-stack' },
    needs: [
      keepingRole('cloudformation:CreateChangeSet'),
      ...on('cloudformation:ExecuteChangeSet'),
    ],
    sources: [
      pmapper('CloudFormation edges'),
      pathfinding('cloudformation:CreateChangeSet + cloudformation:ExecuteChangeSet'),
    ],
  },
  {
    id: 'aws.codebuild.StartBuild',
    title:
      "Start a build of an existing project with the caller's buildspec, run as its service role",
    shape: { kind: 'existing-resource', resource: 'codebuild-project' },
    needs: on('codebuild:StartBuild'),
    sources: [pmapper('CodeBuild edges'), pathfinding('codebuild:StartBuild')],
  },
  {
    id: 'aws.codebuild.StartBuildBatch',
    title: "Start a batch build of an existing project with the caller's buildspec",
    shape: { kind: 'existing-resource', resource: 'codebuild-project' },
    needs: on('codebuild:StartBuildBatch'),
    sources: [pmapper('CodeBuild edges'), pathfinding('codebuild:StartBuildBatch')],
    unverifiable: 'the project is configured for batch builds (batch settings are not collected)',
  },
  {
    id: 'aws.sagemaker.CreatePresignedNotebookInstanceUrl',
    title: "Open an existing notebook's Jupyter terminal, which runs as the notebook's role",
    shape: { kind: 'existing-resource', resource: 'sagemaker-notebook' },
    needs: on('sagemaker:CreatePresignedNotebookInstanceUrl'),
    sources: [
      vulnerable('privesc-sageMakerCreatePresignedNotebookURL'),
      pathfinding('sagemaker:CreatePresignedNotebookInstanceUrl'),
    ],
  },
  {
    id: 'aws.glue.UpdateDevEndpoint',
    title:
      "Set the caller's SSH key on an existing Glue development endpoint and log in as its role",
    shape: { kind: 'existing-resource', resource: 'glue-dev-endpoint' },
    needs: on('glue:UpdateDevEndpoint'),
    sources: [
      rhino('glue:UpdateDevEndpoint'),
      vulnerable('privesc19-UpdateExistingGlueDevEndpoint'),
      pathfinding('glue:UpdateDevEndpoint'),
    ],
    unverifiable: 'the caller can reach the endpoint on SSH (its network is not evaluated yet)',
  },
];
