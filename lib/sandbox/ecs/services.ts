import { z } from "zod";
import { serviceArn } from "./arns";
import { invalidParameter, serviceNotActive, serviceNotFound } from "./errors";
import { PagingSchema, TagListSchema, checkBatch, paginate, parseInput, requestFingerprint } from "./input";
import { checkLaunchable, resolveLaunch } from "./launch";
import { newDeployment, peekServiceTasks } from "./scheduler";
import { PlacementSchemas } from "./tasks";
import { startServiceDeployment } from "./service-deployments";
import { beginShift, checkStrategy, supersede } from "./traffic-shift";
import type { Ctx, Deployment, DeploymentConfiguration, Service, World } from "../core/types";
import { activeCluster, clusterServices, findService, findTaskDefinition, peekService, usableTaskDefinition } from "./lookups";
import { checkLoadBalancers } from "./load-balancing";
import { compact, epochSeconds } from "../protocols/json-1-1";
import { ServiceConnectSchema, applyServiceConnect } from "./service-connect";
import { peek } from "../core/draft";
import { VolumeConfigurationsSchema, checkVolumeConfigurations } from "./storage";

const str = z.string();
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const PRE_RUNNING = ["PROVISIONING", "PENDING", "ACTIVATING"];
const StrategyItem = z.object({ capacityProvider: str, weight: z.number().int().min(0).max(1000).optional(), base: z.number().int().min(0).max(100000).optional() });
const DeploymentConfigSchema = z.looseObject({
  minimumHealthyPercent: z.number().int().optional(),
  maximumPercent: z.number().int().optional(),
  deploymentCircuitBreaker: z.object({ enable: z.boolean(), rollback: z.boolean() }).optional(),
  strategy: z.enum(["ROLLING", "BLUE_GREEN", "LINEAR", "CANARY"]).optional(),
  bakeTimeInMinutes: z.number().int().min(0).max(1440).optional(),
  linearConfiguration: z.looseObject({}).optional(),
  canaryConfiguration: z.looseObject({}).optional(),
  lifecycleHooks: z.array(z.looseObject({})).optional(),
});

/** The strategy part of a deployment configuration, as given (the rest is checked apart). */
function strategyOf(dc: z.infer<typeof DeploymentConfigSchema> | undefined, base: Partial<DeploymentConfiguration> = {}): Partial<DeploymentConfiguration> {
  const out: Partial<DeploymentConfiguration> = {};
  for (const k of ["strategy", "bakeTimeInMinutes", "linearConfiguration", "canaryConfiguration", "lifecycleHooks"] as const) {
    const v = dc?.[k] ?? base[k];
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
const NetworkSchema = z.looseObject({ awsvpcConfiguration: z.looseObject({ subnets: z.array(str).max(16), securityGroups: z.array(str).max(5).optional() }) });

function deploymentOut(world: World, svc: Service, d: Deployment) {
  const tasks = peekServiceTasks(world, svc).filter((t) => t.deploymentId === d.id && t.desiredStatus === "RUNNING");
  return compact({
    id: d.id, status: d.status, taskDefinition: d.taskDefinitionArn, desiredCount: d.desiredCount,
    runningCount: tasks.filter((t) => t.lastStatus === "RUNNING").length,
    pendingCount: tasks.filter((t) => PRE_RUNNING.includes(t.lastStatus)).length,
    failedTasks: d.failedTasks, createdAt: epochSeconds(d.createdAt), updatedAt: epochSeconds(d.updatedAt),
    launchType: svc.launchType, capacityProviderStrategy: svc.capacityProviderStrategy.length ? svc.capacityProviderStrategy : undefined,
    platformVersion: svc.launchType === "FARGATE" ? svc.platformVersion ?? "LATEST" : undefined,
    networkConfiguration: svc.networkConfiguration, rolloutState: d.rolloutState, rolloutStateReason: d.rolloutStateReason,
    serviceConnectConfiguration: d.status === "PRIMARY" ? svc.serviceConnectConfiguration : undefined,
    volumeConfigurations: d.status === "PRIMARY" && svc.volumeConfigurations?.length ? svc.volumeConfigurations : undefined,
    serviceConnectResources: d.status === "PRIMARY" && svc.serviceConnectResources?.length
      ? svc.serviceConnectResources.map((r) => ({ discoveryName: r.discoveryName, discoveryArn: r.discoveryArn })) : undefined,
  });
}

export function serviceOut(world: World, svc: Service, withTags = true) {
  const tasks = peekServiceTasks(world, svc).filter((t) => t.desiredStatus === "RUNNING");
  return compact({
    serviceArn: svc.arn, serviceName: svc.name, clusterArn: peek(world).clusters[svc.clusterName].arn,
    loadBalancers: svc.loadBalancers, serviceRegistries: svc.serviceRegistries, status: svc.status,
    desiredCount: svc.desiredCount,
    runningCount: tasks.filter((t) => t.lastStatus === "RUNNING").length,
    pendingCount: tasks.filter((t) => PRE_RUNNING.includes(t.lastStatus)).length,
    launchType: svc.launchType, capacityProviderStrategy: svc.capacityProviderStrategy.length ? svc.capacityProviderStrategy : undefined,
    platformVersion: svc.launchType === "FARGATE" ? svc.platformVersion ?? "LATEST" : undefined,
    taskDefinition: svc.taskDefinitionArn,
    deploymentConfiguration: svc.deploymentConfiguration,
    deployments: svc.deployments.map((d) => deploymentOut(world, svc, d)),
    events: svc.events.map((e) => ({ id: e.id, createdAt: epochSeconds(e.createdAt), message: e.message })),
    createdAt: epochSeconds(svc.createdAt), placementConstraints: svc.placementConstraints, placementStrategy: svc.placementStrategy,
    networkConfiguration: svc.networkConfiguration, healthCheckGracePeriodSeconds: svc.healthCheckGracePeriodSeconds,
    schedulingStrategy: svc.schedulingStrategy, deploymentController: { type: "ECS" },
    createdBy: `arn:aws:iam::${world.account}:root`, enableECSManagedTags: svc.enableECSManagedTags,
    propagateTags: svc.propagateTags, enableExecuteCommand: svc.enableExecuteCommand,
    tags: withTags ? svc.tags : undefined,
  });
}

function checkDeploymentConfiguration(min: number, max: number) {
  if (min < 0 || min > 100) throw invalidParameter("minimumHealthyPercent must be between 0 and 100.");
  if (max < 100) throw invalidParameter("maximumPercent must be greater than or equal to 100.");
}

const CreateSchema = z.looseObject({
  cluster: str.optional(), serviceName: str, taskDefinition: str.optional(),
  loadBalancers: z.array(z.looseObject({})).max(5).optional(), serviceRegistries: z.array(z.looseObject({})).optional(),
  serviceConnectConfiguration: ServiceConnectSchema.optional(), volumeConfigurations: VolumeConfigurationsSchema.optional(),
  desiredCount: z.number().int().optional(), clientToken: str.max(36).optional(), launchType: str.optional(),
  capacityProviderStrategy: z.array(StrategyItem).optional(), platformVersion: str.optional(), role: str.optional(),
  deploymentConfiguration: DeploymentConfigSchema.optional(),
  placementConstraints: z.array(PlacementSchemas.Constraint).max(10).optional(),
  placementStrategy: z.array(PlacementSchemas.Strategy).max(5).optional(),
  networkConfiguration: NetworkSchema.optional(), healthCheckGracePeriodSeconds: z.number().int().min(0).optional(),
  schedulingStrategy: z.enum(["REPLICA", "DAEMON"]).optional(),
  deploymentController: z.object({ type: z.enum(["ECS", "CODE_DEPLOY", "EXTERNAL"]) }).optional(),
  tags: TagListSchema.optional(), enableECSManagedTags: z.boolean().optional(),
  propagateTags: z.enum(["TASK_DEFINITION", "SERVICE", "NONE"]).optional(), enableExecuteCommand: z.boolean().optional(),
});

export function createService(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(CreateSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  if (!NAME.test(input.serviceName)) {
    throw invalidParameter("Service name can have up to 255 characters, and can contain letters (uppercase and lowercase), numbers, underscores, and hyphens.");
  }
  const print = requestFingerprint(input);
  const existing = findService(world, cluster.name, input.serviceName);
  if (existing && existing.status !== "INACTIVE") {
    if (input.clientToken && existing.clientToken === input.clientToken && existing.requestFingerprint === print) {
      return { service: serviceOut(world, existing) };
    }
    throw invalidParameter("Creation of service was not idempotent.");
  }
  if (input.schedulingStrategy === "DAEMON") throw invalidParameter("The sandbox does not support the DAEMON scheduling strategy.");
  if (input.deploymentController && input.deploymentController.type !== "ECS") {
    throw invalidParameter("The sandbox supports only the ECS (rolling update) deployment controller.");
  }
  if (!input.taskDefinition) throw invalidParameter("TaskDefinition must be specified.");
  const desiredCount = input.desiredCount ?? 0;
  if (desiredCount < 0) throw invalidParameter("Desired count must be greater than or equal to 0.");
  const td = usableTaskDefinition(world, input.taskDefinition);
  const target = resolveLaunch(world, cluster, input.launchType, input.capacityProviderStrategy);
  checkLaunchable(td, target, input.networkConfiguration);
  checkLoadBalancers(world, input.loadBalancers ?? [], td);
  if (input.volumeConfigurations) checkVolumeConfigurations(input.volumeConfigurations, td, target.launchType === "FARGATE");
  if (target.launchType === "FARGATE" && (input.placementConstraints?.length || input.placementStrategy?.length)) {
    throw invalidParameter("Task placement is not supported for the FARGATE launch type.");
  }
  const min = input.deploymentConfiguration?.minimumHealthyPercent ?? 100;
  const max = input.deploymentConfiguration?.maximumPercent ?? 200;
  checkDeploymentConfiguration(min, max);
  const svc: Service = {
    arn: serviceArn(world, cluster.name, input.serviceName), name: input.serviceName, clusterName: cluster.name,
    status: "ACTIVE", desiredCount, taskDefinitionArn: td.arn,
    launchType: input.launchType as Service["launchType"], capacityProviderStrategy: input.capacityProviderStrategy ?? [],
    platformVersion: input.platformVersion, networkConfiguration: input.networkConfiguration,
    loadBalancers: input.loadBalancers ?? [], serviceRegistries: input.serviceRegistries ?? [],
    serviceConnectConfiguration: input.serviceConnectConfiguration,
    ...(input.volumeConfigurations?.length ? { volumeConfigurations: input.volumeConfigurations } : {}),
    placementConstraints: input.placementConstraints ?? [], placementStrategy: input.placementStrategy ?? [],
    deploymentConfiguration: {
      minimumHealthyPercent: min, maximumPercent: max,
      deploymentCircuitBreaker: input.deploymentConfiguration?.deploymentCircuitBreaker ?? { enable: false, rollback: false },
      ...strategyOf(input.deploymentConfiguration),
    },
    schedulingStrategy: "REPLICA", healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds,
    enableECSManagedTags: input.enableECSManagedTags ?? false, enableExecuteCommand: input.enableExecuteCommand ?? false,
    propagateTags: input.propagateTags ?? "NONE", deployments: [], events: [], tags: input.tags ?? [],
    createdAt: ctx.now, clientToken: input.clientToken, requestFingerprint: print, steady: false,
  };
  if (!input.launchType && !input.capacityProviderStrategy?.length && cluster.defaultCapacityProviderStrategy.length) {
    svc.capacityProviderStrategy = cluster.defaultCapacityProviderStrategy;
  }
  checkStrategy(svc);
  applyServiceConnect(world, ctx, svc, cluster, td, input.serviceConnectConfiguration);
  world.services[svc.arn] = svc;
  startDeployment(world, ctx, svc, td.arn);
  return { service: serviceOut(world, svc) };
}

const UpdateSchema = z.looseObject({
  cluster: str.optional(), service: str.min(1), desiredCount: z.number().int().optional(), taskDefinition: str.optional(),
  capacityProviderStrategy: z.array(StrategyItem).optional(), deploymentConfiguration: DeploymentConfigSchema.optional(),
  networkConfiguration: NetworkSchema.optional(),
  placementConstraints: z.array(PlacementSchemas.Constraint).max(10).optional(),
  placementStrategy: z.array(PlacementSchemas.Strategy).max(5).optional(), platformVersion: str.optional(),
  forceNewDeployment: z.boolean().optional(), healthCheckGracePeriodSeconds: z.number().int().min(0).optional(),
  enableExecuteCommand: z.boolean().optional(), enableECSManagedTags: z.boolean().optional(),
  loadBalancers: z.array(z.looseObject({})).max(5).optional(), propagateTags: z.enum(["TASK_DEFINITION", "SERVICE", "NONE"]).optional(),
  serviceConnectConfiguration: ServiceConnectSchema.optional(), volumeConfigurations: VolumeConfigurationsSchema.optional(),
  serviceRegistries: z.array(z.looseObject({})).optional(),
});

export function updateService(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(UpdateSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  const svc = findService(world, cluster.name, input.service);
  if (!svc) throw serviceNotFound();
  if (svc.status !== "ACTIVE") throw serviceNotActive();
  if (input.desiredCount !== undefined && input.desiredCount < 0) throw invalidParameter("Desired count must be greater than or equal to 0.");
  let deploy = input.forceNewDeployment === true;
  let tdArn = svc.taskDefinitionArn;
  const target = resolveLaunch(world, cluster, svc.launchType, input.capacityProviderStrategy ?? svc.capacityProviderStrategy);
  if (input.taskDefinition) {
    const td = usableTaskDefinition(world, input.taskDefinition);
    checkLaunchable(td, target, input.networkConfiguration ?? svc.networkConfiguration);
    if (td.arn !== svc.taskDefinitionArn) { tdArn = td.arn; deploy = true; }
  }
  if (input.loadBalancers || input.taskDefinition) {
    const td = findTaskDefinition(world, tdArn);
    if (td) checkLoadBalancers(world, input.loadBalancers ?? svc.loadBalancers, td);
  }
  // An empty list removes the service's volume; otherwise it is checked against the task definition it will run.
  const volumes = input.volumeConfigurations ?? (input.taskDefinition ? svc.volumeConfigurations as typeof input.volumeConfigurations : undefined);
  if (volumes?.length) {
    const td = findTaskDefinition(world, tdArn);
    if (td) checkVolumeConfigurations(volumes, td, target.launchType === "FARGATE");
  }
  if (input.deploymentConfiguration) {
    const dc = svc.deploymentConfiguration;
    const min = input.deploymentConfiguration.minimumHealthyPercent ?? dc.minimumHealthyPercent;
    const max = input.deploymentConfiguration.maximumPercent ?? dc.maximumPercent;
    checkDeploymentConfiguration(min, max);
    svc.deploymentConfiguration = {
      minimumHealthyPercent: min, maximumPercent: max,
      deploymentCircuitBreaker: input.deploymentConfiguration.deploymentCircuitBreaker ?? dc.deploymentCircuitBreaker,
      ...strategyOf(input.deploymentConfiguration, dc),
    };
  }
  const changed = (a: unknown, b: unknown) => a !== undefined && JSON.stringify(a) !== JSON.stringify(b);
  if (changed(input.networkConfiguration, svc.networkConfiguration)) { svc.networkConfiguration = input.networkConfiguration; deploy = true; }
  if (changed(input.platformVersion, svc.platformVersion)) { svc.platformVersion = input.platformVersion; deploy = true; }
  if (changed(input.capacityProviderStrategy, svc.capacityProviderStrategy)) { svc.capacityProviderStrategy = input.capacityProviderStrategy!; deploy = true; }
  // UpdateService: a change to any of these "starts new tasks with the new configuration".
  if (changed(input.placementConstraints, svc.placementConstraints)) { svc.placementConstraints = input.placementConstraints!; deploy = true; }
  if (changed(input.placementStrategy, svc.placementStrategy)) { svc.placementStrategy = input.placementStrategy!; deploy = true; }
  if (changed(input.enableECSManagedTags, svc.enableECSManagedTags)) { svc.enableECSManagedTags = input.enableECSManagedTags!; deploy = true; }
  if (changed(input.propagateTags, svc.propagateTags)) { svc.propagateTags = input.propagateTags!; deploy = true; }
  if (changed(input.loadBalancers, svc.loadBalancers)) { svc.loadBalancers = input.loadBalancers!; deploy = true; }
  if (changed(input.serviceRegistries, svc.serviceRegistries)) { svc.serviceRegistries = input.serviceRegistries!; deploy = true; }
  if (changed(input.volumeConfigurations, svc.volumeConfigurations ?? [])) {
    svc.volumeConfigurations = input.volumeConfigurations!.length ? input.volumeConfigurations : undefined;
    deploy = true;
  }
  if (changed(input.serviceConnectConfiguration, svc.serviceConnectConfiguration)) { svc.serviceConnectConfiguration = input.serviceConnectConfiguration; deploy = true; }
  if (input.serviceConnectConfiguration || (input.taskDefinition && svc.serviceConnectConfiguration)) {
    const td = findTaskDefinition(world, tdArn);
    if (td) applyServiceConnect(world, ctx, svc, cluster, td, svc.serviceConnectConfiguration as z.infer<typeof ServiceConnectSchema> | undefined);
  }
  if (input.healthCheckGracePeriodSeconds !== undefined) svc.healthCheckGracePeriodSeconds = input.healthCheckGracePeriodSeconds;
  if (input.enableExecuteCommand !== undefined) svc.enableExecuteCommand = input.enableExecuteCommand;
  if (input.desiredCount !== undefined && input.desiredCount !== svc.desiredCount) {
    svc.desiredCount = input.desiredCount;
    svc.steady = false;
  }
  checkStrategy(svc);
  if (deploy) startDeployment(world, ctx, svc, tdArn);
  return { service: serviceOut(world, svc) };
}

/** A new scheduler deployment and the service deployment that records it (traffic-shifting ones start their stages). */
function startDeployment(world: World, ctx: Ctx, svc: Service, taskDefinitionArn: string) {
  const d = newDeployment(world, svc, taskDefinitionArn, ctx.now);
  const sd = startServiceDeployment(world, ctx, svc, d, supersede(world, ctx, svc));
  if (sd.shifting) beginShift(world, ctx, svc, sd);
}

const DeleteSchema = z.object({ cluster: str.optional(), service: str.min(1), force: z.boolean().optional() });

export function deleteService(world: World, raw: unknown) {
  const input = parseInput(DeleteSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  const svc = findService(world, cluster.name, input.service);
  if (!svc) throw serviceNotFound();
  if (svc.status !== "ACTIVE") throw serviceNotActive();
  if (svc.desiredCount > 0 && !input.force) {
    throw invalidParameter("The service cannot be stopped while it is scaled above 0.");
  }
  svc.desiredCount = 0;
  svc.status = "DRAINING";
  return { service: serviceOut(world, svc) };
}

const DescribeSchema = z.object({ cluster: str.optional(), services: z.array(str), include: z.array(z.enum(["TAGS"])).optional() });

export function describeServices(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  if (input.services.length === 0) throw invalidParameter("Services cannot be empty.");
  checkBatch(input.services, 10, "services");
  const services = [];
  const failures = [];
  for (const ref of input.services) {
    const svc = peekService(world, cluster.name, ref);
    if (svc) services.push(serviceOut(world, svc, input.include?.includes("TAGS")));
    else failures.push({ arn: ref.startsWith("arn:") ? ref : serviceArn(world, cluster.name, ref), reason: "MISSING" });
  }
  return { services, failures };
}

const ListSchema = z.object({ cluster: str.optional(), launchType: str.optional(), schedulingStrategy: str.optional(), resourceManagementType: str.optional(), ...PagingSchema });

export function listServices(world: World, raw: unknown) {
  const input = parseInput(ListSchema, raw);
  const cluster = activeCluster(world, input.cluster);
  const arns = clusterServices(world, cluster.name)
    .filter((s) => s.status !== "INACTIVE" && (!input.launchType || s.launchType === input.launchType) &&
      (!input.schedulingStrategy || s.schedulingStrategy === input.schedulingStrategy))
    .map((s) => s.arn);
  const { page, nextToken } = paginate(arns, input.nextToken, input.maxResults ?? 10);
  return { serviceArns: page, ...(nextToken ? { nextToken } : {}) };
}
