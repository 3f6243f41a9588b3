import type { ActionNeed, Technique } from '../technique.js';
import { pathfinding, pmapper, rhino, vulnerable } from './sources.js';

/** Passing the role to the service that will run as it: PassRole says which service. */
const passTo = (service: string): ActionNeed => ({
  action: 'iam:PassRole',
  on: 'target',
  context: { 'iam:PassedToService': service },
});
const create = (...actions: string[]): ActionNeed[] =>
  actions.map((action) => ({ action, on: 'new-resource' }));
/** Creates one resource and acts on that same resource (e.g. creates a function, invokes it). */
const createThen = (creates: string, ...then: string[]): ActionNeed[] => [
  { action: creates, on: 'new-resource' },
  ...then.map((action): ActionNeed => ({ action, on: 'created-resource' })),
];

const EC2 = 'ec2.amazonaws.com';
const LAMBDA = 'lambda.amazonaws.com';
const GLUE = 'glue.amazonaws.com';
const SAGEMAKER = 'sagemaker.amazonaws.com';
const ECS_TASKS = 'ecs-tasks.amazonaws.com';
const SCHEDULER = 'scheduler.amazonaws.com';
const STATES = 'states.amazonaws.com';

/**
 * New compute that runs as an existing role the caller may pass (Rhino Security Labs 3, 15, 16,
 * 18, 20, 21 and later additions; PMapper's service edges). Techniques that act on existing
 * resources instead are in existing-resource.ts.
 */
export const PASS_ROLE_TECHNIQUES: readonly Technique[] = [
  {
    id: 'aws.ec2.PassRoleRunInstances',
    title: "Launch an EC2 instance with the role's instance profile and read its credentials",
    shape: { kind: 'pass-role', services: [EC2], instanceProfile: true },
    needs: [passTo(EC2), ...create('ec2:RunInstances')],
    sources: [
      rhino('iam:PassRole + ec2:RunInstances'),
      vulnerable('privesc3-CreateEC2WithExistingIP'),
      pmapper('EC2 edges'),
      pathfinding('iam:PassRole + ec2:RunInstances'),
    ],
  },
  {
    id: 'aws.ec2.PassRoleRequestSpotInstances',
    title: "Request a spot instance with the role's instance profile",
    shape: { kind: 'pass-role', services: [EC2], instanceProfile: true },
    needs: [passTo(EC2), ...create('ec2:RequestSpotInstances')],
    sources: [pathfinding('iam:PassRole + ec2:RequestSpotInstances')],
  },
  {
    id: 'aws.autoscaling.PassRoleCreateLaunchConfiguration',
    title:
      "Create a launch configuration and an Auto Scaling group with the role's instance profile",
    shape: { kind: 'pass-role', services: [EC2], instanceProfile: true },
    needs: [
      passTo(EC2),
      ...create('autoscaling:CreateLaunchConfiguration', 'autoscaling:CreateAutoScalingGroup'),
    ],
    sources: [
      pmapper('AutoScaling edges'),
      pathfinding('iam:PassRole + autoscaling:CreateLaunchConfiguration'),
    ],
  },
  {
    id: 'aws.ec2.PassRoleCreateLaunchTemplate',
    title: "Create a launch template and an Auto Scaling group with the role's instance profile",
    shape: { kind: 'pass-role', services: [EC2], instanceProfile: true },
    needs: [
      passTo(EC2),
      ...create(
        'ec2:CreateLaunchTemplate',
        'autoscaling:CreateAutoScalingGroup',
        'ec2:RunInstances',
      ),
    ],
    sources: [pmapper('AutoScaling edges'), pathfinding('iam:PassRole + ec2:CreateLaunchTemplate')],
  },
  {
    id: 'aws.lambda.PassRoleCreateFunction',
    title: 'Create a Lambda function with the role and invoke it',
    shape: { kind: 'pass-role', services: [LAMBDA] },
    needs: [passTo(LAMBDA), ...createThen('lambda:CreateFunction', 'lambda:InvokeFunction')],
    sources: [
      rhino('iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction'),
      vulnerable('privesc15-PassExistingRoleToNewLambdaThenInvoke'),
      pmapper('Lambda edges'),
      pathfinding('iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction'),
    ],
  },
  {
    id: 'aws.lambda.PassRoleCreateEventSourceMapping',
    title: 'Create a Lambda function with the role and trigger it from an event source',
    shape: { kind: 'pass-role', services: [LAMBDA] },
    needs: [passTo(LAMBDA), ...create('lambda:CreateFunction', 'lambda:CreateEventSourceMapping')],
    sources: [
      rhino('iam:PassRole + lambda:CreateFunction + lambda:CreateEventSourceMapping'),
      vulnerable('privesc16-PassRoleToNewLambdaThenTriggerWithNewDynamo'),
      pathfinding('iam:PassRole + lambda:CreateFunction + lambda:CreateEventSourceMapping'),
    ],
    unverifiable: 'an event source the caller can write to (e.g. a DynamoDB stream) exists',
  },
  {
    id: 'aws.lambda.PassRoleAddPermission',
    title: 'Create a Lambda function with the role and grant the caller permission to invoke it',
    shape: { kind: 'pass-role', services: [LAMBDA] },
    needs: [passTo(LAMBDA), ...createThen('lambda:CreateFunction', 'lambda:AddPermission')],
    sources: [pathfinding('iam:PassRole + lambda:CreateFunction + lambda:AddPermission')],
  },
  {
    id: 'aws.glue.PassRoleCreateDevEndpoint',
    title: 'Create a Glue development endpoint with the role and log in to it',
    shape: { kind: 'pass-role', services: [GLUE] },
    needs: [passTo(GLUE), ...create('glue:CreateDevEndpoint')],
    sources: [
      rhino('iam:PassRole + glue:CreateDevEndpoint'),
      vulnerable('privesc18-PassExistingRoleToNewGlueDevEndpoint'),
      pathfinding('iam:PassRole + glue:CreateDevEndpoint'),
    ],
  },
  {
    id: 'aws.glue.PassRoleCreateJob',
    title: 'Create and start a Glue job that runs as the role',
    shape: { kind: 'pass-role', services: [GLUE] },
    needs: [passTo(GLUE), ...createThen('glue:CreateJob', 'glue:StartJobRun')],
    sources: [pathfinding('iam:PassRole + glue:CreateJob + glue:StartJobRun')],
  },
  {
    id: 'aws.glue.PassRoleCreateSession',
    title: 'Open a Glue interactive session as the role and run code in it',
    shape: { kind: 'pass-role', services: [GLUE] },
    needs: [passTo(GLUE), ...createThen('glue:CreateSession', 'glue:RunStatement')],
    sources: [pathfinding('iam:PassRole + glue:CreateSession + glue:RunStatement')],
  },
  {
    id: 'aws.cloudformation.PassRoleCreateStack',
    title: 'Create a CloudFormation stack that provisions with the role',
    shape: { kind: 'pass-role', services: ['cloudformation.amazonaws.com'] },
    needs: [passTo('cloudformation.amazonaws.com'), ...create('cloudformation:CreateStack')],
    sources: [
      rhino('iam:PassRole + cloudformation:CreateStack'),
      vulnerable('privesc20-PassExistingRoleToCloudFormation'),
      pmapper('CloudFormation edges'),
      pathfinding('iam:PassRole + cloudformation:CreateStack'),
    ],
  },
  {
    id: 'aws.datapipeline.PassRoleCreatePipeline',
    title: 'Create and activate a Data Pipeline that runs commands as the role',
    shape: { kind: 'pass-role', services: ['datapipeline.amazonaws.com'] },
    needs: [
      passTo('datapipeline.amazonaws.com'),
      ...createThen(
        'datapipeline:CreatePipeline',
        'datapipeline:PutPipelineDefinition',
        'datapipeline:ActivatePipeline',
      ),
    ],
    sources: [
      rhino('iam:PassRole + datapipeline:CreatePipeline + datapipeline:PutPipelineDefinition'),
      vulnerable('privesc21-PassExistingRoleToNewDataPipeline'),
      pathfinding('iam:PassRole + datapipeline:CreatePipeline'),
    ],
  },
  {
    id: 'aws.codestar.PassRoleCreateProject',
    title: 'Create a CodeStar project whose template provisions with the role',
    shape: { kind: 'pass-role', services: ['codestar.amazonaws.com'] },
    needs: [passTo('codestar.amazonaws.com'), ...create('codestar:CreateProject')],
    sources: [rhino('iam:PassRole + codestar:CreateProject')],
    unverifiable:
      'CodeStar still accepts new projects in this account (AWS stopped CodeStar in July 2024)',
  },
  {
    id: 'aws.sagemaker.PassRoleCreateNotebookInstance',
    title: 'Create a SageMaker notebook instance with the role and open it',
    shape: { kind: 'pass-role', services: [SAGEMAKER] },
    needs: [
      passTo(SAGEMAKER),
      ...createThen(
        'sagemaker:CreateNotebookInstance',
        'sagemaker:CreatePresignedNotebookInstanceUrl',
      ),
    ],
    sources: [
      rhino('iam:PassRole + sagemaker:CreateNotebookInstance'),
      pmapper('SageMaker edges'),
      pathfinding('iam:PassRole + sagemaker:CreateNotebookInstance'),
    ],
  },
  {
    id: 'aws.sagemaker.PassRoleCreateTrainingJob',
    title: 'Run a SageMaker training job with the role and a container the caller chooses',
    shape: { kind: 'pass-role', services: [SAGEMAKER] },
    needs: [passTo(SAGEMAKER), ...create('sagemaker:CreateTrainingJob')],
    sources: [
      pmapper('SageMaker edges'),
      pathfinding('iam:PassRole + sagemaker:CreateTrainingJob'),
    ],
  },
  {
    id: 'aws.sagemaker.PassRoleCreateProcessingJob',
    title: 'Run a SageMaker processing job with the role and a container the caller chooses',
    shape: { kind: 'pass-role', services: [SAGEMAKER] },
    needs: [passTo(SAGEMAKER), ...create('sagemaker:CreateProcessingJob')],
    sources: [
      pmapper('SageMaker edges'),
      pathfinding('iam:PassRole + sagemaker:CreateProcessingJob'),
    ],
  },
  {
    id: 'aws.codebuild.PassRoleCreateProject',
    title: 'Create and start a CodeBuild project whose build runs as the role',
    shape: { kind: 'pass-role', services: ['codebuild.amazonaws.com'] },
    needs: [
      passTo('codebuild.amazonaws.com'),
      ...createThen('codebuild:CreateProject', 'codebuild:StartBuild'),
    ],
    sources: [
      pmapper('CodeBuild edges'),
      pathfinding('iam:PassRole + codebuild:CreateProject + codebuild:StartBuild'),
    ],
  },
  {
    id: 'aws.ecs.PassRoleRunTask',
    title: 'Register a task definition with the role as task role and run it',
    shape: { kind: 'pass-role', services: [ECS_TASKS] },
    needs: [passTo(ECS_TASKS), ...create('ecs:RegisterTaskDefinition', 'ecs:RunTask')],
    sources: [pathfinding('iam:PassRole + ecs:RegisterTaskDefinition + ecs:RunTask')],
    unverifiable: 'an ECS cluster exists to run the task in (clusters are not collected yet)',
  },
  {
    id: 'aws.ecs.PassRoleCreateService',
    title: 'Register a task definition with the role and start it as an ECS service',
    shape: { kind: 'pass-role', services: [ECS_TASKS] },
    needs: [passTo(ECS_TASKS), ...create('ecs:RegisterTaskDefinition', 'ecs:CreateService')],
    sources: [pathfinding('iam:PassRole + ecs:RegisterTaskDefinition + ecs:CreateService')],
    unverifiable: 'an ECS cluster exists to run the service in (clusters are not collected yet)',
  },
  {
    id: 'aws.apprunner.PassRoleCreateService',
    title: 'Create an App Runner service whose instances run as the role',
    shape: { kind: 'pass-role', services: ['tasks.apprunner.amazonaws.com'] },
    // App Runner is passed the instance role as `apprunner.amazonaws.com` (AWSAppRunnerFullAccess
    // allows exactly that), while the role trusts the tasks principal that runs the instances.
    needs: [passTo('apprunner.amazonaws.com'), ...create('apprunner:CreateService')],
    sources: [pathfinding('iam:PassRole + apprunner:CreateService')],
  },
  {
    id: 'aws.scheduler.PassRoleCreateSchedule',
    title: 'Create an EventBridge Scheduler schedule whose target (any AWS API) runs as the role',
    shape: { kind: 'pass-role', services: [SCHEDULER] },
    needs: [passTo(SCHEDULER), ...create('scheduler:CreateSchedule')],
    sources: [pathfinding('iam:PassRole + scheduler:CreateSchedule')],
  },
  {
    id: 'aws.states.PassRoleCreateStateMachine',
    title:
      'Create a Step Functions state machine whose tasks call AWS APIs as the role, and run it',
    shape: { kind: 'pass-role', services: [STATES] },
    needs: [passTo(STATES), ...createThen('states:CreateStateMachine', 'states:StartExecution')],
    sources: [pathfinding('iam:PassRole + states:CreateStateMachine')],
  },
];
