import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { validateDesign } from "../rules";
import { importText } from ".";

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/compose/${name}`, import.meta.url));
function load(name: string) {
  const r = importText(readFileSync(fixture(name), "utf8"), { fileName: name });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  expect(r.format).toBe("compose");
  return r;
}
const compose = (text: string) => {
  const r = importText(text, { fileName: "compose.yaml" });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
};
const errorRules = (r: ReturnType<typeof load>) => validateDesign(r.design).filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${f.resource.name}`).sort();

describe("compose import: shop fixture", () => {
  const r = load("shop.compose.yaml");
  const td = (family: string) => r.design.taskDefinitions.find((t) => t.family === family)!;
  const svc = (name: string) => r.design.services.find((s) => s.serviceName === name)!;

  it("makes one cluster, and a Fargate task definition and service per compose service", () => {
    expect(r.design.clusters).toEqual([{ id: "cl-shop", clusterName: "shop" }]);
    expect(r.design.taskDefinitions.map((t) => t.id)).toEqual(["td-web", "td-api", "td-worker", "td-db", "td-redis"]);
    expect(r.design.services.map((s) => [s.id, s.cluster, s.taskDefinition, s.desiredCount, s.launchType])).toEqual([
      ["svc-web", "shop", "web", 2, "FARGATE"], ["svc-api", "shop", "api", 3, "FARGATE"], ["svc-worker", "shop", "worker", 1, "FARGATE"],
      ["svc-db", "shop", "db", 1, "FARGATE"], ["svc-redis", "shop", "redis", 1, "FARGATE"],
    ]);
    for (const t of r.design.taskDefinitions) expect([t.networkMode, t.requiresCompatibilities]).toEqual(["awsvpc", ["FARGATE"]]);
    expect(Object.keys(r.design.layout)).toContain("td-api/api");
  });

  it("sizes tasks from deploy.resources", () => {
    expect([td("web").cpu, td("web").memory]).toEqual(["256", "512"]);
    expect([td("api").cpu, td("api").memory]).toEqual(["1024", "2048"]);
    expect(td("api").containerDefinitions[0]).toMatchObject({ cpu: 1024, memory: 1536, memoryReservation: 512 });
    expect([td("db").cpu, td("db").memory]).toEqual(["2048", "4096"]);
    expect([td("redis").cpu, td("redis").memory]).toEqual(["256", "512"]);
  });

  it("maps container settings", () => {
    const api = td("api").containerDefinitions[0];
    expect(api.command).toEqual(["node", "server.js", "--port", "8080", "--log-format", "json lines"]);
    expect(api.portMappings).toEqual([{ containerPort: 8080, protocol: "tcp", appProtocol: "http" }]);
    expect(api.environment).toContainEqual({ name: "CACHE_TTL", value: "300" });
    expect(api.healthCheck).toEqual({ command: ["CMD", "wget", "-qO-", "http://localhost:8080/health"], interval: 15, timeout: 3, retries: 5, startPeriod: 60 });
    expect(api.stopTimeout).toBe(45);
    expect(api.linuxParameters).toEqual({ initProcessEnabled: true });
    expect(api.logConfiguration).toEqual({ logDriver: "awslogs", options: { "awslogs-group": "/ecs/shop", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "shop" } });
    const worker = td("worker").containerDefinitions[0];
    expect([worker.entryPoint, worker.command, worker.readonlyRootFilesystem, worker.user]).toEqual([["node"], ["worker.js"], true, "1000:1000"]);
    expect(worker.environment).toEqual([{ name: "NODE_ENV", value: "production" }, { name: "QUEUE", value: "orders" }]);
    const db = td("db").containerDefinitions[0];
    expect(db.stopTimeout).toBe(90);
    expect(db.ulimits).toEqual([{ name: "nofile", softLimit: 65536, hardLimit: 65536 }]);
    expect(db.mountPoints).toEqual([{ sourceVolume: "pgdata", containerPath: "/var/lib/postgresql/data" }]);
    expect(td("db").volumes).toEqual([{ name: "pgdata" }]);
    expect(td("redis").containerDefinitions[0].healthCheck?.command).toEqual(["CMD-SHELL", "redis-cli ping"]);
    expect(td("web").containerDefinitions[0].portMappings).toEqual([{ containerPort: 80, protocol: "tcp" }]);
    expect(svc("web").desiredCount).toBe(2);
  });

  it("reports every depends_on with the condition it would have had", () => {
    const deps = r.notes.filter((n) => n.path.includes(".depends_on."));
    expect(deps.map((n) => n.path)).toEqual([
      "services.web.depends_on.api", "services.api.depends_on.db", "services.api.depends_on.redis",
      "services.worker.depends_on.redis", "services.worker.depends_on.db",
    ]);
    expect(deps.every((n) => n.severity === "warning" && /within one task/.test(n.message))).toBe(true);
    expect(deps[0].message).toContain("HEALTHY");
    expect(deps[2].message).toContain("START");
  });

  it("has only the errors a compose file cannot settle: subnets and an execution role for awslogs", () => {
    // Compose has no subnets, and awslogs on Fargate needs an execution role: both are real ECS rules.
    expect(errorRules(r)).toEqual([
      ...["api", "db", "redis", "web", "worker"].map((n) => `execution-role ${n}`),
      ...["api", "db", "redis", "web", "worker"].map((n) => `service-network ${n}`),
    ].sort());
  });
});

describe("compose import: build-only fixture", () => {
  const r = load("build-only.compose.yml");
  const c = r.design.taskDefinitions[0].containerDefinitions[0];

  it("uses a placeholder image and says it must be pushed", () => {
    expect(c.image).toBe("app:local");
    expect(r.notes).toContainEqual(expect.objectContaining({ severity: "warning", path: "services.app.build", message: expect.stringContaining("push") }));
    expect(r.design.clusters[0].clusterName).toBe("default");
  });

  it("reports what has no ECS meaning instead of dropping it", () => {
    const paths = r.notes.map((n) => n.path);
    for (const p of ["networks", "secrets", "services.app.env_file", "services.app.volumes[0]", "services.app.networks", "services.app.restart",
      "services.app.container_name", "services.app.profiles", "services.app.secrets", "services.app.environment[1]", "services.app.ports[1]"]) {
      expect(paths).toContain(p);
    }
    expect(c.mountPoints).toEqual([{ sourceVolume: "node_modules", containerPath: "/app/node_modules" }]);
    expect(c.portMappings).toEqual([{ containerPort: 3000, protocol: "tcp" }, { containerPort: 9229, protocol: "tcp" }]);
    expect(c.environment).toEqual([{ name: "PORT", value: "3000" }]);
  });

  it("has no error besides the missing subnets", () => {
    expect(errorRules(r)).toEqual(["service-network app"]);
  });
});

describe("compose import: details", () => {
  it("maps long port syntax, ranges, published ports and udp", () => {
    const r = compose(`services:\n  a:\n    image: x:1\n    ports: ["8080:80", "53:53/udp", "7000-7001:7000-7001", {target: 9000, published: "9000", name: "admin"}]\n`);
    expect(r.design.taskDefinitions[0].containerDefinitions[0].portMappings).toEqual([
      { containerPort: 80, protocol: "tcp" }, { containerPort: 53, protocol: "udp" }, { containerPort: 9000, protocol: "tcp", name: "admin" },
    ]);
    expect(r.notes.map((n) => n.path)).toEqual(["services.a.ports[0]", "services.a.ports[2]"]);
  });

  it("maps caps, init, labels, logging to unsupported drivers, platform and healthcheck NONE", () => {
    const r = compose([
      "services:", "  a:", "    image: x:1", "    cap_add: [SYS_PTRACE]", "    cap_drop: [ALL]", "    init: true",
      "    labels: [\"team=shop\"]", "    logging: {driver: local}", "    platform: linux/arm64", "    healthcheck: {test: [NONE]}",
      "    privileged: true", "    hostname: a1", "    working_dir: /srv", "    tty: true",
    ].join("\n"));
    const td = r.design.taskDefinitions[0];
    expect(td.runtimePlatform).toEqual({ operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" });
    expect(td.containerDefinitions[0]).toMatchObject({
      linuxParameters: { capabilities: { add: ["SYS_PTRACE"], drop: ["ALL"] }, initProcessEnabled: true },
      dockerLabels: { team: "shop" }, privileged: true, hostname: "a1", workingDirectory: "/srv", pseudoTerminal: true,
    });
    expect(td.containerDefinitions[0].logConfiguration).toBeUndefined();
    expect(td.containerDefinitions[0].healthCheck).toBeUndefined();
    expect(r.notes.map((n) => n.path)).toEqual(["services.a.healthcheck.test", "services.a.logging.driver"]);
  });

  it("warns about variables it does not substitute", () => {
    const r = compose("services:\n  a:\n    image: ${REGISTRY}/a:${TAG:-latest}\n");
    expect(r.notes[0]).toMatchObject({ severity: "warning", path: "services.a.image" });
  });

  it("rejects wrong shapes with paths, and empty service lists", () => {
    const bad = importText("services:\n  a:\n    image: x\n    ports: {a: 1}\n", { fileName: "c.yml" });
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual(["services.a.ports"]);
    const none = importText("services: {}\n", { fileName: "c.yml" });
    expect(none.ok ? [] : none.issues.map((i) => i.message)).toEqual(["The compose file defines no services"]);
  });

  it("falls back to the largest Fargate size, with a warning, when limits exceed it", () => {
    const r = compose("services:\n  big:\n    image: x:1\n    deploy: {resources: {limits: {cpus: '32', memory: 300G}}}\n");
    expect([r.design.taskDefinitions[0].cpu, r.design.taskDefinitions[0].memory]).toEqual(["16384", "122880"]);
    expect(r.notes.some((n) => n.path === "services.big.deploy.resources")).toBe(true);
  });
});

describe("compose import with a target (subnets, security groups, execution role)", () => {
  const target = {
    subnets: ["subnet-0a1b2c3d", "subnet-0e4f5a6b"],
    securityGroups: ["sg-0123abcd"],
    executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  };
  it("turns the shop compose file into a design with no errors", () => {
    const r = importText(readFileSync(fixture("shop.compose.yaml"), "utf8"), { fileName: "shop.compose.yaml", compose: target });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(validateDesign(r.design).filter((f) => f.severity === "error")).toEqual([]);
    expect(r.design.services[0].networkConfiguration).toEqual({
      awsvpcConfiguration: { subnets: target.subnets, securityGroups: target.securityGroups },
    });
    expect(r.design.taskDefinitions.every((t) => t.executionRoleArn === target.executionRoleArn)).toBe(true);
  });
  it("without one, reports exactly what is missing", () => {
    expect(new Set(errorRules(load("shop.compose.yaml")).map((x) => x.split(" ")[0]))).toEqual(new Set(["execution-role", "service-network"]));
  });
});
