import { getDb, type Db } from "@/lib/db";
import { ANONYMOUS, type Actor } from "@/lib/domain/access";
import type { SandboxDeps } from "@/lib/sandbox/store";
import { appApplyRunner, type ApplyRunner } from "./applies/apply-runner";
import { appAwsPorts, type AwsPorts } from "./aws-ports";
import { appMonitorHub } from "./monitor/app-hub";
import type { MonitorHub } from "./monitor/hub";
import { sandboxDeps } from "./sandbox";

export type Clock = { now(): Date };

/** Where a request came from and what it asked for, for the audit trail. */
export type RequestInfo = {
  /** Its key in the permission table: the action's name or "METHOD /route". */
  action: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
};
export const systemClock: Clock = { now: () => new Date() };

/**
 * What every operation may touch, in one type. `createAppContext()` builds it once per request
 * (server actions, route handlers) or per process (pollers, apply runners); a test fills in the
 * parts it swaps: its own database, a fixed clock, an in-memory sandbox, a port double.
 */
export type AppContext = {
  db: Db;
  clock: Clock;
  /** The built-in sandbox's store: its ECS port in `aws` and the lessons' control calls use it. */
  sandbox: SandboxDeps;
  /** AWS ports per environment: the sandbox in-process, AWS accounts through the SDK's default credential chain. */
  aws: AwsPorts;
  /** This process's monitor pollers, one per watched cluster. */
  monitor: MonitorHub;
  /**
   * Who this is done for: the signed-in person of a request (authorised by `runAction` and
   * `route` before the operation runs), or the server itself (pollers, start-up). Nobody unless given.
   */
  actor: Actor;
  /** The request this context serves; none for work the server starts itself. */
  request?: RequestInfo;
  /**
   * This process's apply runner: its holder id owns the applies it runs (through the database,
   * across instances) and its heartbeat interval and TTL decide when an apply is interrupted.
   */
  applies: ApplyRunner;
};

export async function createAppContext(parts: Partial<AppContext> = {}): Promise<AppContext> {
  const sandbox = parts.sandbox ?? sandboxDeps();
  const actor = parts.actor ?? ANONYMOUS;
  return {
    db: parts.db ?? (await getDb()),
    clock: parts.clock ?? systemClock,
    sandbox,
    aws: parts.aws ?? appAwsPorts(sandbox, actor),
    monitor: parts.monitor ?? appMonitorHub(),
    actor,
    ...(parts.request ? { request: parts.request } : {}),
    applies: parts.applies ?? appApplyRunner(),
  };
}
