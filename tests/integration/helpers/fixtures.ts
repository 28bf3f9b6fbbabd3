import type { Design } from "@/lib/domain/design";
import { ApplyRunner } from "@/lib/server/applies";
import { appAwsPorts } from "@/lib/server/aws-ports";
import type { AppContext, Clock } from "@/lib/server/context";
import { MonitorHub } from "@/lib/server/monitor";
import { MemoryStore, Mutex } from "@/lib/sandbox/store";
import type { Db } from "@/lib/db";
import { systemActor } from "@/lib/domain/access";

/** A small valid design: one cluster, one task definition, one service using both. */
export function sampleDesign(over: Partial<Design> = {}): Design {
  return {
    schemaVersion: 1,
    clusters: [{ id: "cl-1", clusterName: "main" }],
    taskDefinitions: [{
      id: "td-1",
      family: "web",
      networkMode: "awsvpc",
      requiresCompatibilities: ["FARGATE"],
      cpu: "256",
      memory: "512",
      containerDefinitions: [{ name: "app", image: "nginx:1.27", essential: true, portMappings: [{ containerPort: 80 }] }],
    }],
    services: [{
      id: "svc-1", serviceName: "web", cluster: "main", taskDefinition: "web", desiredCount: 2, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } },
    }],
    layout: { "cl-1": { x: 0, y: 0 } },
    ...over,
  };
}

/** Each call is one second later, so ordering by time is deterministic. */
export function steppingClock(start = new Date("2025-01-01T00:00:00.000Z")): Clock {
  let t = start.getTime();
  return { now: () => new Date((t += 1000)) };
}

/**
 * A whole context on the test's database: a stepping clock, a sandbox of its own in memory (the
 * sandbox environment's port runs on it), a monitor hub and an apply runner (a server instance's
 * holder id) of its own; pass any part to swap it.
 */
export function testCtx(db: Db, parts: Partial<AppContext> = {}): AppContext {
  const sandbox = parts.sandbox ?? { store: new MemoryStore(), mutex: new Mutex(), now: () => Date.now() };
  return {
    db,
    clock: parts.clock ?? steppingClock(),
    sandbox,
    aws: parts.aws ?? appAwsPorts(sandbox),
    monitor: parts.monitor ?? new MonitorHub({ db: async () => db, ecsFor: () => async () => { throw new Error("This test gave the monitor no ECS."); } }),
    actor: parts.actor ?? systemActor("test"),
    applies: parts.applies ?? new ApplyRunner(),
  };
}
