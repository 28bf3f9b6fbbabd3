import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { AutoScalingPort, EcsPort, Elbv2Port, SchedulerPort } from "@/lib/aws";
import { toJson, type Db } from "@/lib/db";
import { systemActor, type ActingFor } from "@/lib/domain/access";
import type { Plan } from "@/lib/domain/plan";
import { recordAudit, type AuditEntry, type AuditSource } from "../audit";
import type { Clock } from "../context";
import { realScheduler, type Scheduler } from "../monitor/poller";
import { applyPlan, waitForSteady, type ApplyProgress } from "../plan";
import type { ServiceRef } from "../plan/wait-for-steady";
import { currentSteps } from "./apply-record";
import { renewApplyLease } from "./apply-lease";
import type { ApplyProgressDoc, ApplyStepRecord } from "./types";

export type ApplyJob = {
  id: string;
  /** For the audit trail's rows of the run: they belong to the environment's history too. */
  environmentId: string;
  ecs: EcsPort;
  /** For plans with target groups, load balancers and listeners. */
  elbv2?: Elbv2Port;
  /** For plans with scaled services. */
  autoscaling?: AutoScalingPort;
  /** For plans with scheduled tasks. */
  scheduler?: SchedulerPort;
  /** What is left to do: the reviewed plan, or a resume's new plan. */
  plan: Plan;
  /** The record so far; the runner writes into its current steps (`currentSteps`). */
  doc: ApplyProgressDoc;
  /** The services to wait for when the steps are done (none: do not wait). */
  watch: ServiceRef[];
  clock: Clock;
  steadyTimeoutMs?: number;
  /** The person who started (or resumed) it: the runner's audit rows are done for them. */
  actingFor?: ActingFor | null;
};

type RowWrite = { steps?: ReturnType<typeof toJson>; status?: string; error?: string; finishedAt?: Date };

export type ApplyRunnerOptions = {
  /** This server instance; unique per process. */
  holder?: string;
  /** How often a running apply renews its heartbeat (default 5 s). */
  heartbeatMs?: number;
  /** A running apply whose heartbeat is older than this is interrupted (default four heartbeats). */
  ttlMs?: number;
  scheduler?: Scheduler;
};

/** The apply is no longer this instance's: it was declared interrupted (and maybe resumed elsewhere). */
export class ApplyLeaseLostError extends Error {
  readonly name = "ApplyLeaseLostError";
  constructor(id: string) {
    super(`apply ${id} is no longer owned by this server`);
  }
}

/**
 * Runs applies in the server process, not in the request that started them: the browser may go
 * away and the apply carries on. It holds state on purpose: its holder id (the `owner` written on
 * the rows it runs) and, per apply it runs, the heartbeat timer and the promise tests and shutdown
 * wait for. What others may know of an apply is in its row, never here.
 *
 * Before every ECS call it renews the apply's heartbeat and stops if the row is no longer its own,
 * so an owner that was declared dead cannot act on the account after its successor took over.
 */
export class ApplyRunner {
  readonly holder: string;
  readonly heartbeatMs: number;
  readonly ttlMs: number;
  private readonly scheduler: Scheduler;
  private readonly running = new Map<string, Promise<void>>();

  constructor(o: ApplyRunnerOptions = {}) {
    this.holder = o.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.heartbeatMs = o.heartbeatMs ?? 5_000;
    this.ttlMs = o.ttlMs ?? this.heartbeatMs * 4;
    this.scheduler = o.scheduler ?? realScheduler;
  }

  /** Whether this instance is running the apply right now. */
  runs(id: string): boolean {
    return this.running.has(id);
  }

  /** Resolves when this instance has finished the apply (its row is final, or no longer its own). */
  finished(id: string): Promise<void> {
    return this.running.get(id) ?? Promise.resolve();
  }

  /** Runs the job in the background; its row must already be running with this holder as owner. */
  start(db: Db, job: ApplyJob): void {
    const lease = { lost: false, cancel: () => {} };
    const beat = () => {
      lease.cancel = this.scheduler.after(this.heartbeatMs, () => {
        renewApplyLease(db, { id: job.id, owner: this.holder })
          .then((ours) => { if (!ours) lease.lost = true; }, () => undefined)
          .finally(() => { if (!lease.lost && this.running.has(job.id)) beat(); });
      });
    };
    beat();
    const done = this.run(db, job, lease)
      .catch(async (err) => {
        if (err instanceof ApplyLeaseLostError) return;
        console.error(`apply ${job.id} failed unexpectedly`, err);
        const error = "The apply stopped on an internal error; see the server log.";
        await this.write(db, job, { status: "failed", error, finishedAt: job.clock.now() }, [finished(job, "failed", error)]).catch(() => {});
      })
      .finally(() => {
        lease.cancel();
        this.running.delete(job.id);
      });
    this.running.set(job.id, done);
  }

  /**
   * Writes the row only while this instance owns it as a running apply; the audit trail's rows
   * of that write (a failed step, the end) commit with it, and only if it was ours to write.
   */
  private async write(db: Db, job: ApplyJob, data: RowWrite, audit: AuditEntry[] = []): Promise<boolean> {
    const where = { id: job.id, owner: this.holder, status: "running" };
    if (audit.length === 0) return (await db.apply.updateMany({ where, data })).count === 1;
    return db.$transaction(async (tx) => {
      if ((await tx.apply.updateMany({ where, data })).count !== 1) return false;
      for (const entry of audit) await recordAudit(tx, runnerSource(job), entry);
      return true;
    });
  }

  private async run(db: Db, job: ApplyJob, lease: { lost: boolean }): Promise<void> {
    const { doc } = job;
    const steps = currentSteps(doc);
    const ensureOwned = async () => {
      if (lease.lost || !(await renewApplyLease(db, { id: job.id, owner: this.holder }))) {
        lease.lost = true;
        throw new ApplyLeaseLostError(job.id);
      }
    };
    // Writes are chained so they land in order; the last one (with the final status) wins.
    let writing: Promise<unknown> = Promise.resolve();
    const save = (extra: Omit<RowWrite, "steps"> = {}, audit: AuditEntry[] = []) => {
      const data = { steps: toJson(structuredClone(doc)), ...extra };
      writing = writing.then(() => this.write(db, job, data, audit)).then((ours) => { if (!ours) lease.lost = true; });
      return writing;
    };
    // On record: the run starts (one row per run, not per call or poll).
    await recordAudit(db, runnerSource(job), {
      action: "apply.run-started", target: { type: "apply", id: job.id }, environmentId: job.environmentId,
      after: { steps: steps.map((s) => s.key), resume: (doc.resumes?.length ?? 0) > 0 },
    });
    const callsSeen = new Map<string, number>();
    const result = await applyPlan(job.ecs, job.plan, {
      tokenScope: job.id,
      elbv2: job.elbv2,
      autoscaling: job.autoscaling,
      scheduler: job.scheduler,
      beforeCall: ensureOwned,
      onProgress: (p) => { recordProgress(steps, p, callsSeen); void save().catch(() => {}); },
    });
    if (!result.ok) {
      const s = steps.find((x) => x.key === result.failedStep) as ApplyStepRecord | undefined;
      if (s) {
        s.status = "failed";
        s.error = result.error;
        delete s.message;
        for (const c of s.calls) if (c.status === "running") c.status = "failed";
      }
      const error = `${result.error.name}: ${result.error.message}`;
      await save({ status: "failed", error, finishedAt: job.clock.now() }, [
        {
          action: "apply.step-failed", target: { type: "apply", id: job.id }, environmentId: job.environmentId, outcome: "failed", reason: error,
          after: { step: result.failedStep, ...(s ? { name: s.name, kind: s.kind, calls: s.calls } : {}) },
        },
        finished(job, "failed", error, steps),
      ]);
      return;
    }
    if (job.watch.length > 0) {
      doc.steady = { status: "waiting", services: [] };
      await save();
      const r = await waitForSteady(job.ecs, job.watch, {
        pollMs: 2000, timeoutMs: job.steadyTimeoutMs ?? 10 * 60_000,
        onProgress: (progress) => {
          if (lease.lost) throw new ApplyLeaseLostError(job.id);
          doc.steady = { status: "waiting", services: progress };
          void save().catch(() => {});
        },
      });
      const last = doc.steady?.services ?? [];
      if (!r.ok) {
        doc.steady = { status: r.reason, services: last, message: r.message };
        await save({ status: "failed", error: r.message, finishedAt: job.clock.now() }, [finished(job, "failed", r.message, steps)]);
        return;
      }
      doc.steady = { status: "steady", services: last };
    }
    await save({ status: "succeeded", finishedAt: job.clock.now() }, [finished(job, "ok", undefined, steps)]);
  }
}

/** The runner's rows name the server ("apply-runner") and the person it runs the apply for. */
function runnerSource(job: ApplyJob): AuditSource {
  return { actor: systemActor("apply-runner", job.actingFor ?? undefined), clock: job.clock };
}

/** The run's last row: how it ended and what was done. */
function finished(job: ApplyJob, outcome: "ok" | "failed", reason?: string, steps: ApplyStepRecord[] = []): AuditEntry {
  return {
    action: "apply.finished", target: { type: "apply", id: job.id }, environmentId: job.environmentId, outcome,
    ...(reason ? { reason } : {}),
    after: { status: outcome === "ok" ? "succeeded" : "failed", done: steps.filter((s) => s.status === "done").map((s) => s.key), ...(job.doc.steady ? { steady: job.doc.steady.status } : {}) },
  };
}

/** Applies one progress event to the steps being run: calls before the current one are done. */
export function recordProgress(steps: ApplyStepRecord[], p: ApplyProgress, callsSeen: Map<string, number>): void {
  const s = steps.find((x) => x.key === p.step.key);
  if (!s) return;
  if (p.type === "call") {
    const i = callsSeen.get(s.key) ?? 0;
    callsSeen.set(s.key, i + 1);
    s.status = "running";
    s.calls.forEach((c, j) => { c.status = j < i ? "done" : j === i ? "running" : c.status; });
    delete s.message;
  } else if (p.type === "step-done") {
    s.status = "done";
    s.calls.forEach((c) => { c.status = "done"; });
    delete s.message;
  } else {
    s.message = p.message;
  }
}

// The process-wide runner the app's contexts share; on globalThis so that Next's module
// instances (server actions, route handlers) and dev reloads of one process are one owner.
const g = globalThis as typeof globalThis & { __stevedoreApplyRunner?: ApplyRunner };

export function appApplyRunner(): ApplyRunner {
  return (g.__stevedoreApplyRunner ??= new ApplyRunner());
}
