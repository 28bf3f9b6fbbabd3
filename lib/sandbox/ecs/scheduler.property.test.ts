import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instanceUsage } from "./placement";
import { bounds, isHealthy, serviceTasks } from "./scheduler";
import { steppedSandbox } from "../testing";
import type { World } from "../core/types";

// Properties of the scheduler, checked after every simulated second (every event instant:
// all delays are whole seconds).

const td = (family: string, image: string, withHealth: boolean, cpu = 128, memory = 128) => ({
  family, networkMode: "bridge",
  containerDefinitions: [{
    name: "app", image, cpu, memory, portMappings: [{ containerPort: 80, hostPort: 0 }],
    ...(withHealth ? { healthCheck: { command: ["CMD", "true"], interval: 5, retries: 2 } } : {}),
  }],
});

function setup(n: number, opts: { min?: number; max?: number; health?: boolean; breaker?: boolean; instances?: number } = {}) {
  const sb = steppedSandbox(n + 1);
  sb.call("CreateCluster", { clusterName: "c" });
  sb.control({ action: "addInstances", cluster: "c", count: opts.instances ?? 3, instanceType: "m5.xlarge" });
  sb.call("RegisterTaskDefinition", td("app", "app:1", opts.health ?? false));
  sb.call("CreateService", {
    cluster: "c", serviceName: "s", taskDefinition: "app", desiredCount: n,
    deploymentConfiguration: {
      minimumHealthyPercent: opts.min ?? 100, maximumPercent: opts.max ?? 200,
      deploymentCircuitBreaker: { enable: opts.breaker ?? false, rollback: opts.breaker ?? false },
    },
  });
  return sb;
}

const service = (w: World) => Object.values(w.services).find((s) => s.name === "s")!;
const runningHealthy = (w: World) => serviceTasks(w, service(w)).filter(isHealthy).length;

function stepUntil(sb: ReturnType<typeof setup>, seconds: number, check?: (w: World) => void, done?: (w: World) => boolean) {
  for (let i = 0; i < seconds; i++) {
    sb.step(1);
    check?.(sb.world());
    if (done?.(sb.world())) return true;
  }
  return false;
}

const steady = (w: World) => service(w).steady && service(w).deployments.length === 1 && service(w).deployments[0].rolloutState !== "IN_PROGRESS";

describe("scheduler properties", () => {
  it("a service converges to desiredCount running tasks", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 8 }), fc.boolean(), fc.integer({ min: 0, max: 8 }), (n, health, later) => {
      const sb = setup(n, { health });
      expect(stepUntil(sb, 60, undefined, steady)).toBe(true);
      expect(runningHealthy(sb.world())).toBe(n);
      sb.call("UpdateService", { cluster: "c", service: "s", desiredCount: later });
      expect(stepUntil(sb, 60, undefined, (w) => steady(w) && serviceTasks(w, service(w)).filter((t) => t.desiredStatus === "RUNNING").length === later)).toBe(true);
      expect(runningHealthy(sb.world())).toBe(later);
    }), { numRuns: 20 });
  });

  it("a rolling deployment stays within minimumHealthyPercent and maximumPercent at every step", () => {
    const config = fc.record({
      n: fc.integer({ min: 1, max: 6 }), min: fc.constantFrom(0, 25, 50, 75, 100), max: fc.constantFrom(100, 125, 150, 200),
      health: fc.boolean(), force: fc.boolean(),
    }).filter(({ n, min, max }) => min === 0 || Math.floor((n * max) / 100) > Math.ceil((n * min) / 100));
    fc.assert(fc.property(config, ({ n, min, max, health, force }) => {
      const sb = setup(n, { min, max, health, instances: 4 });
      expect(stepUntil(sb, 60, undefined, steady)).toBe(true);
      if (force) sb.call("UpdateService", { cluster: "c", service: "s", forceNewDeployment: true });
      else {
        sb.call("RegisterTaskDefinition", td("app", "app:2", health));
        sb.call("UpdateService", { cluster: "c", service: "s", taskDefinition: "app:2" });
      }
      const { lower, upper } = bounds(service(sb.world()));
      const check = (w: World) => {
        const live = serviceTasks(w, service(w)).filter((t) => t.desiredStatus === "RUNNING");
        expect(live.length).toBeLessThanOrEqual(upper);
        expect(live.filter(isHealthy).length).toBeGreaterThanOrEqual(lower);
      };
      check(sb.world());
      expect(stepUntil(sb, 180, check, steady)).toBe(true);
      expect(service(sb.world()).deployments[0].rolloutState).toBe("COMPLETED");
      expect(runningHealthy(sb.world())).toBe(n);
    }), { numRuns: 25 });
  });

  it("placement never exceeds an instance's cpu or memory, nor reuses a host port", () => {
    const load = fc.array(fc.record({ cpu: fc.integer({ min: 1, max: 8 }).map((x) => x * 128), memory: fc.integer({ min: 1, max: 16 }).map((x) => x * 128), count: fc.integer({ min: 1, max: 6 }), fixedPort: fc.boolean() }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(fc.array(fc.constantFrom("t3.micro", "t3.medium", "m5.large"), { minLength: 1, maxLength: 4 }), load, (types, specs) => {
      const sb = steppedSandbox(types.length);
      sb.call("CreateCluster", { clusterName: "c" });
      for (const t of types) sb.control({ action: "addInstances", cluster: "c", count: 1, instanceType: t });
      specs.forEach((s, i) => {
        sb.call("RegisterTaskDefinition", {
          family: `f${i}`, containerDefinitions: [{ name: "a", image: "x", cpu: s.cpu, memory: s.memory, portMappings: [{ containerPort: 80, hostPort: s.fixedPort ? 8000 : 0 }] }],
        });
        sb.call("CreateService", { cluster: "c", serviceName: `s${i}`, taskDefinition: `f${i}`, desiredCount: s.count, placementStrategy: [{ type: "binpack", field: "memory" }] });
      });
      for (let step = 0; step < 30; step++) {
        sb.step(1);
        const w = sb.world();
        for (const inst of Object.values(w.instances)) {
          const usage = instanceUsage(w, inst);
          expect(usage.cpu).toBeLessThanOrEqual(inst.cpu);
          expect(usage.memory).toBeLessThanOrEqual(inst.memory);
          expect(new Set(usage.ports).size).toBe(usage.ports.length);
        }
      }
    }), { numRuns: 25 });
  });

  it("a task killed by a fault is replaced", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.nat(), fc.constantFrom("crashTask", "outOfMemory") , (n, pick, action) => {
      const sb = setup(n);
      expect(stepUntil(sb, 60, undefined, steady)).toBe(true);
      const tasks = serviceTasks(sb.world(), service(sb.world()));
      const victim = tasks[pick % tasks.length];
      sb.control({ action, cluster: "c", task: victim.arn } as never);
      expect(stepUntil(sb, 60, undefined, (w) => steady(w) && w.tasks[victim.arn]?.lastStatus === "STOPPED")).toBe(true);
      const stopped = sb.world().tasks[victim.arn];
      expect(stopped.stopCode).toBe("EssentialContainerExited");
      if (action === "outOfMemory") {
        expect(stopped.containers[0]).toMatchObject({ exitCode: 137, reason: "OutOfMemoryError: Container killed due to memory usage" });
      }
      expect(runningHealthy(sb.world())).toBe(n);
    }), { numRuns: 20 });
  });

  it("a deployment whose image cannot be pulled trips the circuit breaker and rolls back", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10 }), fc.constantFrom(0, 50, 100), (n, min) => {
      const sb = setup(n, { breaker: true, min, instances: 4 });
      expect(stepUntil(sb, 60, undefined, steady)).toBe(true);
      sb.control({ action: "failImagePull", image: "app:bad" });
      sb.call("RegisterTaskDefinition", td("app", "app:bad", false));
      sb.call("UpdateService", { cluster: "c", service: "s", taskDefinition: "app:2" });
      let tripped = false;
      const done = stepUntil(sb, 300, (w) => {
        tripped ||= service(w).events.some((e) => /deployment failed: tasks failed to start\.$/.test(e.message));
      }, (w) => tripped && steady(w));
      expect(done).toBe(true);
      const svc = service(sb.world());
      expect(svc.taskDefinitionArn).toMatch(/app:1$/);
      expect(svc.deployments[0].rolloutState).toBe("COMPLETED");
      expect(runningHealthy(sb.world())).toBe(n);
    }), { numRuns: 15 });
  });
});
