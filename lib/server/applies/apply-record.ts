import type { Plan } from "@/lib/domain/plan";
import type { Finding } from "@/lib/domain/rules";
import type { ApplyProgressDoc, ApplyStatus, ApplySummary, ApplyView } from "./types";

export type ApplyRow = {
  id: string; designId: string; designVersion: number; environmentId: string; plan: unknown; status: string;
  steps: unknown; error: string | null; startedAt: Date; finishedAt: Date | null; allowedErrors?: unknown;
};

/** Only steps that make calls are run, so only they are recorded. */
export function initialProgress(plan: Plan): ApplyProgressDoc {
  return {
    steps: plan.steps.filter((s) => s.calls.length > 0).map((s) => ({
      key: s.key, kind: s.kind, name: s.name, action: s.action, status: "pending",
      calls: s.calls.map((c) => ({ operation: c.operation, status: "pending" })),
    })),
  };
}

export function toSummary(row: ApplyRow, environmentName: string): ApplySummary {
  return {
    id: row.id, designId: row.designId, designVersion: row.designVersion, environmentId: row.environmentId, environmentName,
    status: row.status as ApplyStatus, summary: (row.plan as Plan).summary, startedAt: row.startedAt.toISOString(),
    ...(row.error ? { error: row.error } : {}), ...(row.finishedAt ? { finishedAt: row.finishedAt.toISOString() } : {}),
    ...(Array.isArray(row.allowedErrors) && row.allowedErrors.length ? { allowedErrors: row.allowedErrors as Finding[] } : {}),
  };
}

export function toView(row: ApplyRow, environmentName: string): ApplyView {
  const doc = row.steps as ApplyProgressDoc;
  return { ...toSummary(row, environmentName), steps: doc.steps, ...(doc.steady ? { steady: doc.steady } : {}) };
}
