import type { Cluster, ContainerDefinition, Design, Service, TaskDefinition } from "../lib/domain/design";

// A realistic, deterministic design of `resources` top-level resources: about 5% clusters,
// the rest split between task definitions (1–4 containers each: app, sidecars, log router)
// and the services that run them. Pure, so a benchmark and a test build the same design.

const SIZES: ReadonlyArray<[cpu: string, memory: string]> = [["256", "512"], ["512", "1024"], ["1024", "2048"], ["2048", "4096"]];

/** Mulberry32: a tiny seeded PRNG, so every run measures the same design. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function container(name: string, i: number, essential: boolean, rand: () => number): ContainerDefinition {
  const port = 8000 + (i % 100);
  return {
    name,
    image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/${name}:1.${i % 40}.${Math.floor(rand() * 10)}`,
    essential,
    memoryReservation: 128,
    portMappings: essential ? [{ containerPort: port, protocol: "tcp", name: `${name}-http` }] : [],
    environment: [{ name: "STAGE", value: "prod" }, { name: "SERVICE", value: name }],
    logConfiguration: {
      logDriver: "awslogs",
      options: { "awslogs-group": `/ecs/${name}`, "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "ecs" },
    },
    healthCheck: essential ? { command: ["CMD-SHELL", `curl -f http://localhost:${port}/health || exit 1`], interval: 30, retries: 3 } : undefined,
  };
}

function taskDefinition(i: number, rand: () => number): TaskDefinition {
  const family = `app-${i}`;
  const count = 1 + Math.floor(rand() * 4);
  const containers = [container(family, i, true, rand)];
  for (let c = 1; c < count; c++) containers.push(container(`${family}-sidecar-${c}`, i, false, rand));
  const [cpu, memory] = SIZES[Math.floor(rand() * SIZES.length)];
  return {
    id: `td-${i}`,
    family,
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    cpu,
    memory,
    executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
    containerDefinitions: containers,
    tags: [{ key: "team", value: `team-${i % 12}` }],
  };
}

function service(i: number, td: TaskDefinition, cluster: Cluster, rand: () => number): Service {
  return {
    id: `svc-${i}`,
    serviceName: `${td.family}-svc`,
    cluster: cluster.clusterName,
    taskDefinition: td.family,
    desiredCount: 1 + Math.floor(rand() * 6),
    launchType: "FARGATE",
    networkConfiguration: {
      awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"], securityGroups: ["sg-0123abcd"], assignPublicIp: "DISABLED" },
    },
    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
  };
}

export function generateDesign(resources = 1000, seed = 42): Design {
  const rand = prng(seed);
  const clusterCount = Math.max(1, Math.round(resources * 0.05));
  const tdCount = Math.ceil((resources - clusterCount) / 2);
  const serviceCount = resources - clusterCount - tdCount;
  const clusters: Cluster[] = Array.from({ length: clusterCount }, (_, i) => ({
    id: `cl-${i}`,
    clusterName: `cluster-${i}`,
    capacityProviders: ["FARGATE", "FARGATE_SPOT"],
    settings: [{ name: "containerInsights", value: "enabled" }],
  }));
  const taskDefinitions = Array.from({ length: tdCount }, (_, i) => taskDefinition(i, rand));
  const services = Array.from({ length: serviceCount }, (_, i) => service(i, taskDefinitions[i % tdCount], clusters[i % clusterCount], rand));
  const layout: Design["layout"] = {};
  [...clusters, ...taskDefinitions, ...services].forEach((r, i) => {
    layout[r.id] = { x: (i % 40) * 240, y: Math.floor(i / 40) * 160 };
  });
  // JSON round trip drops the `undefined` fields, as a stored design would.
  return JSON.parse(JSON.stringify({ schemaVersion: 1, clusters, taskDefinitions, services, layout })) as Design;
}
