import type { Plan } from "@/lib/domain/plan";
import type { Finding } from "@/lib/domain/rules";
import type { ApplyProgressDoc, ApplyStatus, ApplyStepRecord, ApplySummary, ApplyView, PersonRef } from "./types";

export type ApplyRow = {
  id: string; designId: string; designVersion: number; environmentId: string; plan: unknown; status: string;
  steps: unknown; error: string | null; startedAt: Date; finishedAt: Date | null; allowedErrors?: unknown; startedBy?: unknown;
};

/** Only steps that make calls are run, so only they are recorded. */
export function initialProgress(plan: Plan): ApplyProgressDoc {
  return { steps: stepRecords(plan) };
}

export function stepRecords(plan: Plan): ApplyStepRecord[] {
  return plan.steps.filter((s) => s.calls.length > 0).map((s) => ({
    key: s.key, kind: s.kind, name: s.name, action: s.action, status: "pending",
    calls: s.calls.map((c) => ({ operation: c.operation, status: "pending" })),
  }));
}

/** The steps the apply is running now: the latest resume's, or the first run's. */
export function currentSteps(doc: ApplyProgressDoc): ApplyStepRecord[] {
  return doc.resumes?.at(-1)?.steps ?? doc.steps;
}

/**
 * Starts a resume on the record: what was under way when the owner stopped is marked
 * interrupted (its outcome is unknown until the new plan), and the steps left come after.
 */
export function resumeProgress(
  doc: ApplyProgressDoc, left: Plan, at: { resumedAt: Date; interruptedAt: Date | null; resumedBy?: PersonRef | null },
): ApplyProgressDoc {
  const next = structuredClone(doc);
  for (const s of currentSteps(next)) {
    if (s.status === "running") s.status = "interrupted";
    for (const c of s.calls) if (c.status === "running") c.status = "interrupted";
    delete s.message;
  }
  delete next.steady;
  next.resumes = [...(next.resumes ?? []), {
    resumedAt: at.resumedAt.toISOString(), ...(at.interruptedAt ? { interruptedAt: at.interruptedAt.toISOString() } : {}), steps: stepRecords(left),
    ...(at.resumedBy ? { resumedBy: at.resumedBy } : {}),
  }];
  return next;
}

export function toSummary(row: ApplyRow, environmentName: string): ApplySummary {
  return {
    id: row.id, designId: row.designId, designVersion: row.designVersion, environmentId: row.environmentId, environmentName,
    status: row.status as ApplyStatus, summary: (row.plan as Plan).summary, startedAt: row.startedAt.toISOString(),
    ...(row.error ? { error: row.error } : {}), ...(row.finishedAt ? { finishedAt: row.finishedAt.toISOString() } : {}),
    ...(Array.isArray(row.allowedErrors) && row.allowedErrors.length ? { allowedErrors: row.allowedErrors as Finding[] } : {}),
    ...(isPersonRef(row.startedBy) ? { startedBy: { id: row.startedBy.id, email: row.startedBy.email } } : {}),
  };
}

export function toView(row: ApplyRow, environmentName: string): ApplyView {
  const doc = row.steps as ApplyProgressDoc;
  return {
    ...toSummary(row, environmentName), steps: doc.steps,
    ...(doc.resumes?.length ? { resumes: doc.resumes } : {}), ...(doc.steady ? { steady: doc.steady } : {}),
  };
}

const isPersonRef = (v: unknown): v is PersonRef =>
  typeof v === "object" && v !== null && typeof (v as PersonRef).id === "string" && typeof (v as PersonRef).email === "string";
