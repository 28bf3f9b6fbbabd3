import type { EcsPort } from "@/lib/aws";
import { toJson, type Db } from "@/lib/db";
import type { Plan } from "@/lib/domain/plan";
import type { Clock } from "../context";
import { applyPlan, servicesToWatch, waitForSteady, type ApplyProgress } from "../plan";
import { initialProgress } from "./apply-record";
import type { ApplyProgressDoc, ApplyStepRecord } from "./types";

// Applies run in the server process, not in the request that started them: the browser may go
// away and the apply carries on. The registry lives on globalThis so that every module instance
// (server actions, route handlers) of the process sees the same applies.
const g = globalThis as unknown as { __stevedoreApplies?: Map<string, Promise<void>> };
export const runningApplies = (): Map<string, Promise<void>> => (g.__stevedoreApplies ??= new Map());

/** Resolves when the apply has finished and its row is final (tests, shutdown). */
export function awaitApply(id: string): Promise<void> {
  return runningApplies().get(id) ?? Promise.resolve();
}

export type ApplyJob = { id: string; ecs: EcsPort; plan: Plan; waitForSteady: boolean; clock: Clock; steadyTimeoutMs?: number };

export function runApplyInBackground(db: Db, job: ApplyJob): void {
  const done = run(db, job)
    .catch(async (err) => {
      console.error(`apply ${job.id} failed unexpectedly`, err);
      await db.apply.update({ where: { id: job.id }, data: { status: "failed", error: "The apply stopped on an internal error; see the server log.", finishedAt: job.clock.now() } }).catch(() => {});
    })
    .finally(() => runningApplies().delete(job.id));
  runningApplies().set(job.id, done);
}

/** Applies one progress event to the record: calls before the current one are done. */
export function recordProgress(doc: ApplyProgressDoc, p: ApplyProgress, callsSeen: Map<string, number>): void {
  const s = doc.steps.find((x) => x.key === p.step.key);
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

async function run(db: Db, job: ApplyJob): Promise<void> {
  const doc = initialProgress(job.plan);
  // Writes are chained so they land in order; the last one (with the final status) wins.
  let writing: Promise<unknown> = Promise.resolve();
  const save = (extra: { status?: string; error?: string; finishedAt?: Date } = {}) => {
    const steps = toJson(structuredClone(doc));
    writing = writing.then(() => db.apply.update({ where: { id: job.id }, data: { steps, ...extra } }));
    return writing;
  };
  const callsSeen = new Map<string, number>();
  const result = await applyPlan(job.ecs, job.plan, {
    onProgress: (p) => { recordProgress(doc, p, callsSeen); void save().catch(() => {}); },
  });
  if (!result.ok) {
    const s = doc.steps.find((x) => x.key === result.failedStep) as ApplyStepRecord | undefined;
    if (s) {
      s.status = "failed";
      s.error = result.error;
      delete s.message;
      for (const c of s.calls) if (c.status === "running") c.status = "failed";
    }
    await save({ status: "failed", error: `${result.error.name}: ${result.error.message}`, finishedAt: job.clock.now() });
    return;
  }
  const services = job.waitForSteady ? servicesToWatch(job.plan) : [];
  if (services.length > 0) {
    doc.steady = { status: "waiting", services: [] };
    await save();
    const r = await waitForSteady(job.ecs, services, {
      pollMs: 2000, timeoutMs: job.steadyTimeoutMs ?? 10 * 60_000,
      onProgress: (progress) => { doc.steady = { status: "waiting", services: progress }; void save().catch(() => {}); },
    });
    const last = doc.steady?.services ?? [];
    if (!r.ok) {
      doc.steady = { status: r.reason, services: last, message: r.message };
      await save({ status: "failed", error: r.message, finishedAt: job.clock.now() });
      return;
    }
    doc.steady = { status: "steady", services: last };
  }
  await save({ status: "succeeded", finishedAt: job.clock.now() });
}
