import { describe, expect, it } from "vitest";
import type { TaskDefinition } from "../../design";
import type { TaskDefinitionRule } from "../types";
import { TASK_DEFINITION_RULES } from "./task-definition-rules";
import { createValidator } from "../engine";
import { design } from "../test-helpers";

const RULES = TASK_DEFINITION_RULES as readonly TaskDefinitionRule[];
const ACCOUNT = "123456789012";
const REGION = "eu-west-1";

/** A realistic Fargate web task: nginx in front of an app, logs shipped by a FireLens sidecar. */
function goodTaskDefinition(): TaskDefinition {
  return {
    id: "td-web",
    family: "shop-web",
    requiresCompatibilities: ["FARGATE"],
    networkMode: "awsvpc",
    cpu: "1024",
    memory: "2048",
    runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" },
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/shop-web-execution`,
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/shop-web-task`,
    volumes: [{ name: "nginx-cache", host: {} }],
    containerDefinitions: [
      {
        name: "nginx",
        image: "public.ecr.aws/nginx/nginx:1.27-alpine",
        essential: true,
        cpu: 256,
        memory: 512,
        memoryReservation: 256,
        portMappings: [{ name: "http", containerPort: 80, hostPort: 80, protocol: "tcp", appProtocol: "http" }],
        mountPoints: [{ sourceVolume: "nginx-cache", containerPath: "/var/cache/nginx" }],
        dependsOn: [{ containerName: "app", condition: "HEALTHY" }, { containerName: "log-router", condition: "START" }],
        healthCheck: { command: ["CMD-SHELL", "wget -q -O /dev/null http://localhost/healthz || exit 1"], interval: 15, timeout: 5, retries: 3, startPeriod: 10 },
        logConfiguration: { logDriver: "awsfirelens", options: { Name: "cloudwatch_logs", region: REGION, log_group_name: "/ecs/shop-web", log_stream_prefix: "nginx/" } },
        ulimits: [{ name: "nofile", softLimit: 65535, hardLimit: 65535 }],
        stopTimeout: 30,
      },
      {
        name: "app",
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/shop/app:2.14.3`,
        essential: true,
        cpu: 512,
        memory: 1024,
        memoryReservation: 768,
        portMappings: [{ name: "app", containerPort: 8080, protocol: "tcp" }],
        environment: [
          { name: "PORT", value: "8080" },
          { name: "NODE_ENV", value: "production" },
          { name: "DB_PASSWORD_SECRET_ARN", value: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:shop/db` },
          { name: "SESSION_TOKEN_TTL", value: "3600" },
        ],
        secrets: [{ name: "DB_PASSWORD", valueFrom: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:shop/db-AbCdEf` }],
        healthCheck: { command: ["CMD", "/app/healthcheck"], interval: 10, timeout: 3, retries: 3, startPeriod: 30 },
        logConfiguration: { logDriver: "awsfirelens", options: { Name: "cloudwatch_logs", region: REGION, log_group_name: "/ecs/shop-web", log_stream_prefix: "app/" } },
        dependsOn: [{ containerName: "log-router", condition: "START" }],
        readonlyRootFilesystem: true,
        linuxParameters: { initProcessEnabled: true },
        stopTimeout: 60,
        startTimeout: 90,
      },
      {
        name: "log-router",
        image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2",
        essential: true,
        cpu: 128,
        memoryReservation: 128,
        user: "0",
        firelensConfiguration: { type: "fluentbit", options: { "enable-ecs-log-metadata": "true" } },
        logConfiguration: {
          logDriver: "awslogs",
          options: { "awslogs-group": "/ecs/shop-web/firelens", "awslogs-region": REGION, "awslogs-stream-prefix": "firelens" },
        },
      },
    ],
    tags: [{ key: "team", value: "shop" }],
  };
}

/** A classic EC2 bridge-mode task: dynamic host ports, links, soft memory limits, no task size. */
function goodEc2TaskDefinition(): TaskDefinition {
  return {
    id: "td-worker",
    family: "legacy_worker",
    requiresCompatibilities: ["EC2"],
    volumes: [{ name: "docker-sock", host: { sourcePath: "/var/run/docker.sock" } }],
    containerDefinitions: [
      {
        name: "worker",
        image: "registry.example.com:5000/team/worker@sha256:" + "0123456789abcdef".repeat(4),
        memoryReservation: 512,
        cpu: 512,
        links: ["redis:cache"],
        portMappings: [{ containerPort: 8080, hostPort: 0 }, { containerPort: 9090 }],
        environment: [{ name: "REDIS_URL", value: "redis://cache:6379" }, { name: "API_TOKEN_HEADER", value: "X-Token" }],
        mountPoints: [{ sourceVolume: "docker-sock", containerPath: "/var/run/docker.sock", readOnly: true }],
        logConfiguration: { logDriver: "json-file", options: { "max-size": "10m" } },
        resourceRequirements: [{ type: "GPU", value: "1" }],
        ulimits: [{ name: "nofile", softLimit: 4096, hardLimit: 8192 }],
        stopTimeout: 300,
      },
      {
        name: "redis",
        image: "redis:7.2",
        essential: false,
        memory: 256,
        portMappings: [{ containerPort: 6379 }],
        logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/legacy", "awslogs-region": "us-east-1" } },
      },
    ],
  };
}

/** The same task with many mistakes at once. */
function brokenTaskDefinition(): TaskDefinition {
  const good = goodTaskDefinition();
  const [nginx, app, router] = good.containerDefinitions;
  return {
    ...good,
    family: "shop web",
    networkMode: "host",
    cpu: "512",
    memory: "3000",
    executionRoleArn: undefined,
    ipcMode: "host",
    volumes: [{ name: "data", host: { sourcePath: "/mnt/data" } }],
    containerDefinitions: [
      {
        ...nginx,
        image: "nginx:latest",
        privileged: true,
        links: ["ghost"],
        portMappings: [{ containerPort: 80, hostPort: 8080 }],
        mountPoints: [{ sourceVolume: "nginx-cache", containerPath: "/var/cache/nginx" }],
        healthCheck: { command: ["curl localhost"], interval: 3, timeout: 10 },
        ulimits: [{ name: "nofile", softLimit: 70000, hardLimit: 65535 }],
        stopTimeout: 300,
      },
      {
        ...app,
        memoryReservation: 2048,
        portMappings: [{ containerPort: 80 }],
        environment: [{ name: "DB_PASSWORD", value: "hunter2" }],
        dependsOn: [{ containerName: "nginx", condition: "START" }],
        logConfiguration: { logDriver: "json-file" },
      },
      { ...router, firelensConfiguration: undefined, resourceRequirements: [{ type: "GPU", value: "1" }], logConfiguration: { logDriver: "awslogs", options: {} } },
      { ...router, name: "nginx", image: "Bad Image", firelensConfiguration: undefined, logConfiguration: { logDriver: "awsfirelens" } },
    ],
  };
}

function runAll(td: TaskDefinition) {
  return RULES.flatMap((r) => r.check(td).map((f) => ({ rule: r.id, severity: f.severity ?? r.severity, ...f })));
}

describe("task-definition rules together", () => {
  it("has every rule registered once, with a kebab-case id", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.scope).toBe("taskDefinition");
      expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it("finds nothing wrong with a realistic multi-container Fargate task definition", () => {
    expect(runAll(goodTaskDefinition())).toEqual([]);
  });

  it("finds no errors in a classic EC2 bridge task definition (only the long stopTimeout warning)", () => {
    expect(runAll(goodEc2TaskDefinition()).map((f) => `${f.rule}/${f.severity}`)).toEqual(["container-timeouts/warning"]);
  });

  it("finds the problems of a broken one, from many rules at once, each with a fix", () => {
    const findings = runAll(brokenTaskDefinition());
    const rules = new Set(findings.map((f) => f.rule));
    for (const id of [
      "fargate-task-size", "names", "fargate-network-mode", "container-memory", "awsvpc-host-port", "port-conflict", "depends-on",
      "health-check", "log-configuration", "execution-role", "credentials-in-environment", "fargate-limits", "image-reference", "mount-points",
      "ulimits", "container-timeouts",
    ]) expect(rules, id).toContain(id);
    expect(rules.size).toBeGreaterThanOrEqual(16);
    for (const f of findings) {
      expect(f.fix?.description, `${f.rule}: ${f.message}`).toBeTruthy();
      expect(f.message.length).toBeGreaterThan(20);
    }
  });

  it("validates through the engine with absolute paths and edits", () => {
    const validator = createValidator(TASK_DEFINITION_RULES);
    const findings = validator.validate(design({ taskDefinitions: [goodTaskDefinition(), brokenTaskDefinition()] }));
    expect(findings.every((f) => f.path[0] === "taskDefinitions" && f.path[1] === 1)).toBe(true);
    const edit = findings.find((f) => f.ruleId === "fargate-network-mode")?.fix?.edits?.[0];
    expect(edit).toEqual({ path: ["taskDefinitions", 1, "networkMode"], value: "awsvpc" });
  });

  it("validates 1,000 task definitions without a finding (speed is measured by npm run bench)", () => {
    const tds = Array.from({ length: 1000 }, (_, i) => ({ ...goodTaskDefinition(), id: `td-${i}`, family: `f${i}` }));
    const validator = createValidator(TASK_DEFINITION_RULES);
    expect(validator.validate(design({ taskDefinitions: tds }))).toEqual([]);
  });
});
