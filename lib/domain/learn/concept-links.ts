import { ALL_RULES } from "../rules";
import { CONCEPTS, conceptHref, type ConceptId } from "./concepts";
import { lessonTitle } from "./catalog";

// Where to learn why a rule, a resource kind or an inspector field matters: the concepts page's
// sections (app/learn/concepts, one anchor each) and, where one exists, the hands-on lesson.

export type ConceptLink = { concept: ConceptId; title: string; href: string; lesson?: { id: string; title: string; href: string } };

type Target = { concept: ConceptId; lesson?: string };

/** Every rule of the validator names the concept it is about (a unit test keeps this complete). */
export const RULE_CONCEPTS: Record<string, Target> = {
  "fargate-task-size": { concept: "launch-types", lesson: "fargate-awsvpc" },
  "fargate-network-mode": { concept: "launch-types", lesson: "fargate-awsvpc" },
  "fargate-limits": { concept: "launch-types", lesson: "fargate-awsvpc" },
  "platform-version": { concept: "launch-types" },
  "launch-type-compatibility": { concept: "launch-types" },
  "launch-type-xor-strategy": { concept: "launch-types" },
  "cluster-capacity-providers": { concept: "launch-types" },
  "capacity-providers": { concept: "launch-types" },
  "fargate-spot": { concept: "launch-types", lesson: "fargate-spot" },
  "auto-scaling": { concept: "ecs-building-blocks", lesson: "target-tracking" },
  "scheduled-task-name": { concept: "ecs-building-blocks" },
  "scheduled-task-expression": { concept: "ecs-building-blocks" },
  "scheduled-task-target": { concept: "iam-roles" },
  capacity: { concept: "launch-types", lesson: "placement-strategies" },
  placement: { concept: "launch-types", lesson: "placement-strategies" },
  gpu: { concept: "launch-types" },
  "awsvpc-host-port": { concept: "network-modes", lesson: "bridge-ports" },
  "port-conflict": { concept: "network-modes", lesson: "bridge-ports" },
  "port-range": { concept: "network-modes", lesson: "bridge-ports" },
  links: { concept: "network-modes", lesson: "bridge-ports" },
  "service-network": { concept: "network-modes", lesson: "fargate-awsvpc" },
  "service-connect": { concept: "network-modes" },
  "load-balancers": { concept: "network-modes" },
  "load-balancer-config": { concept: "network-modes" },
  "target-group-config": { concept: "network-modes" },
  "execution-role": { concept: "iam-roles", lesson: "task-role" },
  "credentials-in-environment": { concept: "iam-roles", lesson: "task-role" },
  "log-configuration": { concept: "iam-roles" },
  "image-reference": { concept: "registries" },
  essential: { concept: "ecs-building-blocks", lesson: "essential-sidecar" },
  "depends-on": { concept: "ecs-building-blocks", lesson: "essential-sidecar" },
  "health-check": { concept: "ecs-building-blocks", lesson: "service-self-healing" },
  "deployment-configuration": { concept: "ecs-building-blocks", lesson: "rolling-deployment" },
  "deployment-strategy": { concept: "ecs-building-blocks", lesson: "rolling-deployment" },
  "scheduling-strategy": { concept: "ecs-building-blocks", lesson: "service-self-healing" },
  "container-memory": { concept: "ecs-building-blocks", lesson: "first-task-definition" },
  "container-count": { concept: "ecs-building-blocks", lesson: "first-task-definition" },
  "container-timeouts": { concept: "ecs-building-blocks" },
  "mount-points": { concept: "images-and-layers" },
  "ephemeral-storage": { concept: "launch-types" },
  "efs-volumes": { concept: "images-and-layers" },
  "configured-at-launch": { concept: "images-and-layers" },
  "managed-ebs-volume": { concept: "images-and-layers" },
  "storage-platform-version": { concept: "launch-types" },
  ulimits: { concept: "containers-vs-vms" },
  names: { concept: "ecs-building-blocks", lesson: "first-task-definition" },
  "design-names": { concept: "ecs-building-blocks" },
  "service-references": { concept: "ecs-building-blocks" },
  "task-definition-size": { concept: "ecs-building-blocks" },
  tags: { concept: "ecs-building-blocks" },
};

/** What each canvas node kind is, in the concepts page. */
export const KIND_CONCEPTS: Record<string, Target> = {
  cluster: { concept: "ecs-building-blocks", lesson: "service-self-healing" },
  service: { concept: "ecs-building-blocks", lesson: "service-self-healing" },
  taskDefinition: { concept: "ecs-building-blocks", lesson: "first-task-definition" },
  container: { concept: "containers-vs-vms", lesson: "first-task-definition" },
  targetGroup: { concept: "network-modes" },
  loadBalancer: { concept: "network-modes" },
  scheduledTask: { concept: "ecs-building-blocks" },
  capacityProvider: { concept: "launch-types", lesson: "placement-strategies" },
};

/** What each node kind is and why it matters, in two sentences: the inspector's "What is this?". */
export const KIND_BLURBS: Record<string, string> = {
  cluster: "A cluster groups the capacity tasks run on (Fargate, or EC2 instances you own) and the services that use it. It runs nothing by itself: services and tasks do.",
  service: "A service keeps a desired number of tasks of one task definition running: when a task stops, its scheduler starts another. It also rolls out new revisions within its deployment bounds.",
  taskDefinition: "A task definition is the blueprint of a task: its containers, CPU and memory, network mode and IAM roles. Each change registers a new revision; a task always runs one revision.",
  container: "A container definition says which image to run and how: ports, environment, limits, health check and logs. The containers of a task start together and share its network and resources.",
  targetGroup: "A target group is where a load balancer sends traffic. A service registers each task's container port in it, and the load balancer health-checks those targets.",
  scheduledTask: "A scheduled task is an EventBridge Scheduler schedule that calls ECS RunTask on a rate, cron or one-time expression. Each run starts standalone tasks of one task definition in one cluster, which stop when they are done, unlike a service's.",
  capacityProvider: "A capacity provider is EC2 capacity ECS scales for you: an Auto Scaling group it grows and shrinks to fit the tasks, or Managed Instances it launches itself. Clusters associate providers and strategies spread tasks across them by base and weight.",
  loadBalancer: "A load balancer takes client connections on its listeners and forwards them to target groups, by rule and by weight. Blue/green and canary deployments move traffic by changing those weights.",
};

/**
 * Every inspector field with help text (lib/domain/designer/fields), keyed `<kind>:<path>`
 * with the spec's path joined by dots; the lesson only where one has the learner set that
 * field. A unit test keeps this complete and free of stale keys.
 */
export const FIELD_CONCEPTS: Record<string, Target> = {
  // Container
  "container:image": { concept: "registries" },
  "container:essential": { concept: "ecs-building-blocks", lesson: "essential-sidecar" },
  "container:cpu": { concept: "containers-vs-vms" },
  "container:memory": { concept: "containers-vs-vms", lesson: "first-task-definition" },
  "container:memoryReservation": { concept: "containers-vs-vms" },
  "container:resourceRequirements": { concept: "launch-types" },
  "container:portMappings": { concept: "network-modes", lesson: "bridge-ports" },
  "container:environment": { concept: "iam-roles", lesson: "task-role" },
  "container:secrets": { concept: "iam-roles" },
  "container:logConfiguration.logDriver": { concept: "iam-roles" },
  "container:logConfiguration.options": { concept: "iam-roles" },
  "container:healthCheck.command": { concept: "ecs-building-blocks" },
  "container:healthCheck.interval": { concept: "ecs-building-blocks" },
  "container:healthCheck.timeout": { concept: "ecs-building-blocks" },
  "container:healthCheck.retries": { concept: "ecs-building-blocks" },
  "container:healthCheck.startPeriod": { concept: "ecs-building-blocks" },
  "container:entryPoint": { concept: "images-and-layers" },
  "container:command": { concept: "images-and-layers" },
  "container:workingDirectory": { concept: "images-and-layers" },
  "container:user": { concept: "containers-vs-vms" },
  "container:hostname": { concept: "network-modes" },
  "container:linuxParameters.initProcessEnabled": { concept: "containers-vs-vms" },
  "container:readonlyRootFilesystem": { concept: "images-and-layers" },
  "container:privileged": { concept: "containers-vs-vms" },
  "container:startTimeout": { concept: "ecs-building-blocks" },
  "container:stopTimeout": { concept: "ecs-building-blocks" },
  "container:mountPoints": { concept: "images-and-layers" },
  "container:volumesFrom": { concept: "images-and-layers" },
  "container:dependsOn": { concept: "ecs-building-blocks" },
  "container:extraHosts": { concept: "network-modes" },
  "container:dnsServers": { concept: "network-modes" },
  "container:ulimits": { concept: "containers-vs-vms" },
  "container:dockerLabels": { concept: "containers-vs-vms" },
  // Task definition
  "taskDefinition:requiresCompatibilities": { concept: "launch-types", lesson: "fargate-awsvpc" },
  "taskDefinition:runtimePlatform.operatingSystemFamily": { concept: "containers-vs-vms" },
  "taskDefinition:runtimePlatform.cpuArchitecture": { concept: "images-and-layers" },
  "taskDefinition:networkMode": { concept: "network-modes", lesson: "bridge-ports" },
  "taskDefinition:cpu": { concept: "launch-types", lesson: "fargate-awsvpc" },
  "taskDefinition:memory": { concept: "launch-types", lesson: "fargate-awsvpc" },
  "taskDefinition:taskRoleArn": { concept: "iam-roles", lesson: "task-role" },
  "taskDefinition:executionRoleArn": { concept: "iam-roles", lesson: "task-role" },
  "taskDefinition:ephemeralStorage.sizeInGiB": { concept: "launch-types" },
  "taskDefinition:volumes": { concept: "images-and-layers" },
  "taskDefinition:pidMode": { concept: "containers-vs-vms" },
  "taskDefinition:ipcMode": { concept: "containers-vs-vms" },
  "taskDefinition:tags": { concept: "ecs-building-blocks" },
  // Service
  "scheduledTask:scheduleExpression": { concept: "ecs-building-blocks" },
  "scheduledTask:scheduleExpressionTimezone": { concept: "ecs-building-blocks" },
  "scheduledTask:state": { concept: "ecs-building-blocks" },
  "scheduledTask:group": { concept: "ecs-building-blocks" },
  "scheduledTask:cluster": { concept: "ecs-building-blocks" },
  "scheduledTask:taskDefinition": { concept: "ecs-building-blocks", lesson: "first-task-definition" },
  "scheduledTask:taskCount": { concept: "ecs-building-blocks" },
  "scheduledTask:launchType": { concept: "launch-types" },
  "scheduledTask:roleArn": { concept: "iam-roles" },
  "scheduledTask:networkConfiguration.awsvpcConfiguration.subnets": { concept: "network-modes", lesson: "fargate-awsvpc" },
  "scheduledTask:networkConfiguration.awsvpcConfiguration.securityGroups": { concept: "network-modes" },
  "scheduledTask:networkConfiguration.awsvpcConfiguration.assignPublicIp": { concept: "network-modes", lesson: "fargate-awsvpc" },
  "scheduledTask:overrides.containerOverrides": { concept: "ecs-building-blocks" },
  "scheduledTask:flexibleTimeWindow.mode": { concept: "ecs-building-blocks" },
  "scheduledTask:startDate": { concept: "ecs-building-blocks" },
  "scheduledTask:retryPolicy.maximumRetryAttempts": { concept: "ecs-building-blocks" },
  "scheduledTask:actionAfterCompletion": { concept: "ecs-building-blocks" },
  "scheduledTask:enableExecuteCommand": { concept: "ecs-building-blocks" },
  "scheduledTask:description": { concept: "ecs-building-blocks" },
  "scheduledTask:platformVersion": { concept: "launch-types" },
  "scheduledTask:flexibleTimeWindow.maximumWindowInMinutes": { concept: "ecs-building-blocks" },
  "scheduledTask:endDate": { concept: "ecs-building-blocks" },
  "scheduledTask:retryPolicy.maximumEventAgeInSeconds": { concept: "ecs-building-blocks" },
  "service:launchType": { concept: "launch-types" },
  "service:capacityProviderStrategy": { concept: "launch-types", lesson: "fargate-spot" },
  "service:platformVersion": { concept: "launch-types" },
  "service:schedulingStrategy": { concept: "ecs-building-blocks" },
  "service:desiredCount": { concept: "ecs-building-blocks", lesson: "service-self-healing" },
  "service:deploymentConfiguration.minimumHealthyPercent": { concept: "ecs-building-blocks", lesson: "rolling-deployment" },
  "service:deploymentConfiguration.strategy": { concept: "ecs-building-blocks", lesson: "blue-green-canary" },
  "service:deploymentConfiguration.bakeTimeInMinutes": { concept: "ecs-building-blocks", lesson: "blue-green-canary" },
  "service:deploymentConfiguration.canaryConfiguration.canaryPercent": { concept: "ecs-building-blocks", lesson: "blue-green-canary" },
  "service:deploymentConfiguration.canaryConfiguration.canaryBakeTimeInMinutes": { concept: "ecs-building-blocks", lesson: "blue-green-canary" },
  "service:deploymentConfiguration.linearConfiguration.stepPercent": { concept: "ecs-building-blocks", lesson: "blue-green-canary" },
  "service:deploymentConfiguration.linearConfiguration.stepBakeTimeInMinutes": { concept: "ecs-building-blocks", lesson: "blue-green-canary" },
  "service:autoScaling.minCapacity": { concept: "ecs-building-blocks", lesson: "target-tracking" },
  "service:autoScaling.maxCapacity": { concept: "ecs-building-blocks", lesson: "target-tracking" },
  "service:autoScaling.policies": { concept: "ecs-building-blocks", lesson: "target-tracking" },
  "service:autoScaling.scheduledActions": { concept: "ecs-building-blocks", lesson: "target-tracking" },
  "service:deploymentConfiguration.lifecycleHooks": { concept: "ecs-building-blocks", lesson: "blue-green-canary" },
  "service:deploymentConfiguration.maximumPercent": { concept: "ecs-building-blocks", lesson: "rolling-deployment" },
  "service:deploymentConfiguration.deploymentCircuitBreaker.enable": { concept: "ecs-building-blocks" },
  "service:deploymentConfiguration.deploymentCircuitBreaker.rollback": { concept: "ecs-building-blocks" },
  "service:deploymentController.type": { concept: "ecs-building-blocks" },
  "service:networkConfiguration.awsvpcConfiguration.subnets": { concept: "network-modes" },
  "service:networkConfiguration.awsvpcConfiguration.securityGroups": { concept: "network-modes" },
  "service:networkConfiguration.awsvpcConfiguration.assignPublicIp": { concept: "network-modes" },
  "service:loadBalancers": { concept: "network-modes" },
  "service:healthCheckGracePeriodSeconds": { concept: "ecs-building-blocks" },
  "service:placementStrategy": { concept: "launch-types", lesson: "placement-strategies" },
  "service:placementConstraints": { concept: "launch-types" },
  "service:enableExecuteCommand": { concept: "iam-roles" },
  "service:propagateTags": { concept: "ecs-building-blocks" },
  "service:enableECSManagedTags": { concept: "ecs-building-blocks" },
  "service:tags": { concept: "ecs-building-blocks" },
  "service:volumeConfigurations": { concept: "images-and-layers" },
  "service:serviceConnectConfiguration.enabled": { concept: "network-modes" },
  "service:serviceConnectConfiguration.namespace": { concept: "network-modes" },
  "service:serviceConnectConfiguration.services": { concept: "network-modes" },
  "cluster:serviceConnectDefaults.namespace": { concept: "network-modes" },
  // Load balancer and target group
  "loadBalancer:type": { concept: "network-modes" },
  "loadBalancer:scheme": { concept: "network-modes" },
  "loadBalancer:loadBalancerArn": { concept: "network-modes" },
  "loadBalancer:subnets": { concept: "network-modes" },
  "loadBalancer:securityGroups": { concept: "network-modes" },
  "loadBalancer:listeners": { concept: "network-modes", lesson: "rolling-deployment" },
  "loadBalancer:tags": { concept: "ecs-building-blocks" },
  "targetGroup:targetType": { concept: "network-modes" },
  "targetGroup:protocol": { concept: "network-modes" },
  "targetGroup:port": { concept: "network-modes" },
  "targetGroup:vpcId": { concept: "network-modes" },
  "targetGroup:deregistrationDelaySeconds": { concept: "ecs-building-blocks", lesson: "rolling-deployment" },
  "targetGroup:healthCheck.protocol": { concept: "ecs-building-blocks" },
  "targetGroup:healthCheck.path": { concept: "ecs-building-blocks" },
  "targetGroup:healthCheck.port": { concept: "ecs-building-blocks" },
  "targetGroup:healthCheck.intervalSeconds": { concept: "ecs-building-blocks" },
  "targetGroup:healthCheck.timeoutSeconds": { concept: "ecs-building-blocks" },
  "targetGroup:healthCheck.healthyThresholdCount": { concept: "ecs-building-blocks" },
  "targetGroup:healthCheck.unhealthyThresholdCount": { concept: "ecs-building-blocks", lesson: "service-self-healing" },
  "targetGroup:healthCheck.matcher": { concept: "ecs-building-blocks" },
  // Cluster
  "cluster:capacityProviders": { concept: "launch-types" },
  // Capacity provider
  "capacityProvider:kind": { concept: "launch-types" },
  "capacityProvider:autoScalingGroupProvider.autoScalingGroupArn": { concept: "launch-types" },
  "capacityProvider:autoScalingGroupProvider.managedScaling.status": { concept: "launch-types", lesson: "target-tracking-ec2" },
  "capacityProvider:autoScalingGroupProvider.managedScaling.targetCapacity": { concept: "launch-types", lesson: "target-tracking-ec2" },
  "capacityProvider:autoScalingGroupProvider.managedScaling.minimumScalingStepSize": { concept: "launch-types", lesson: "target-tracking-ec2" },
  "capacityProvider:autoScalingGroupProvider.managedScaling.maximumScalingStepSize": { concept: "launch-types", lesson: "target-tracking-ec2" },
  "capacityProvider:autoScalingGroupProvider.managedScaling.instanceWarmupPeriod": { concept: "launch-types", lesson: "target-tracking-ec2" },
  "capacityProvider:autoScalingGroupProvider.managedTerminationProtection": { concept: "launch-types" },
  "capacityProvider:autoScalingGroupProvider.managedDraining": { concept: "launch-types", lesson: "target-tracking-ec2" },
  "capacityProvider:managedInstancesProvider.cluster": { concept: "launch-types" },
  "capacityProvider:managedInstancesProvider.infrastructureRoleArn": { concept: "iam-roles" },
  "capacityProvider:managedInstancesProvider.instanceLaunchTemplate.ec2InstanceProfileArn": { concept: "iam-roles" },
  "capacityProvider:managedInstancesProvider.instanceLaunchTemplate.networkConfiguration.subnets": { concept: "network-modes" },
  "capacityProvider:managedInstancesProvider.instanceLaunchTemplate.networkConfiguration.securityGroups": { concept: "network-modes" },
  "capacityProvider:managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.vCpuCount.min": { concept: "launch-types" },
  "capacityProvider:managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.vCpuCount.max": { concept: "launch-types" },
  "capacityProvider:managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.memoryMiB.min": { concept: "launch-types" },
  "capacityProvider:managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.memoryMiB.max": { concept: "launch-types" },
  "capacityProvider:managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.cpuManufacturers": { concept: "launch-types" },
  "capacityProvider:managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.allowedInstanceTypes": { concept: "launch-types" },
  "capacityProvider:tags": { concept: "ecs-building-blocks" },
  "cluster:defaultCapacityProviderStrategy": { concept: "launch-types" },
  "cluster:settings": { concept: "ecs-building-blocks" },
  "cluster:instances": { concept: "launch-types" },
  "cluster:tags": { concept: "ecs-building-blocks" },
};

function link(t: Target | undefined): ConceptLink | undefined {
  if (!t) return undefined;
  const title = t.lesson ? lessonTitle(t.lesson) : undefined;
  return {
    concept: t.concept,
    title: CONCEPTS[t.concept].title,
    href: conceptHref(t.concept),
    ...(t.lesson && title ? { lesson: { id: t.lesson, title, href: `/learn/${t.lesson}` } } : {}),
  };
}

export const fieldKey = (kind: string, path: readonly (string | number)[]) => `${kind}:${path.join(".")}`;

export const conceptForRule = (ruleId: string) => link(RULE_CONCEPTS[ruleId]);
export const conceptForKind = (kind: string) => link(KIND_CONCEPTS[kind]);
export const blurbForKind = (kind: string): string | undefined => KIND_BLURBS[kind];
/** The concept behind an inspector field: `path` is the field spec's path, relative to the resource. */
export const conceptForField = (kind: string, path: readonly (string | number)[]) => link(FIELD_CONCEPTS[fieldKey(kind, path)]);

/** Rule ids without a concept (should be none). */
export function rulesWithoutConcept(): string[] {
  return ALL_RULES.map((r) => r.id).filter((id) => !(id in RULE_CONCEPTS));
}
