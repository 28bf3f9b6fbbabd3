import { z } from "zod";

// Searching the flight recorder: which rows, for what, over which time; and export.

export const HISTORY_KINDS = ["events", "tasks", "deployments"] as const;

export const HistoryQuerySchema = z.object({
  kind: z.enum(HISTORY_KINDS).default("events"),
  service: z.string().min(1).max(255).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** A stop category of explainStop (tasks only), e.g. "out-of-memory". */
  stopReason: z.string().min(1).max(64).optional(),
  text: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

function cell(v: unknown): string {
  const s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row; nested values become JSON. */
export function toCsv(rows: Record<string, unknown>[], columns?: string[]): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [cols.join(","), ...rows.map((r) => cols.map((c) => cell(r[c])).join(","))].join("\r\n") + "\r\n";
}

export type TimelineItem = { at: string; kind: "event" | "task" | "deployment"; text: string; tone: "info" | "bad" | "good" };

type TimelineInput = {
  events: { createdAt: string; message: string }[];
  tasks: { observedAt: string; stoppedAt: string | null; startedAt: string | null; lastStatus: string; taskId: string; explanation: string | null; stopCategory: string | null }[];
  deployments: { updatedAt: string; deploymentId: string; rolloutState: string | null; status: string; rolloutStateReason: string | null; failedTasks: number }[];
};

const BAD_STOPS = new Set(["out-of-memory", "image-pull", "resource-init", "container-health", "elb-health", "exited", "failed-to-start"]);

/** One list, newest first, of what happened to a service. */
export function timeline(input: TimelineInput): TimelineItem[] {
  const items: TimelineItem[] = [
    ...input.events.map((e) => ({ at: e.createdAt, kind: "event" as const, text: e.message, tone: /unable|fail|error/i.test(e.message) ? "bad" as const : /steady state/.test(e.message) ? "good" as const : "info" as const })),
    ...input.tasks.filter((t) => t.lastStatus === "STOPPED" || t.lastStatus === "RUNNING").map((t) => ({
      at: (t.lastStatus === "STOPPED" ? t.stoppedAt : t.startedAt) ?? t.observedAt, kind: "task" as const,
      text: t.lastStatus === "STOPPED" ? `Task ${t.taskId.slice(0, 8)} stopped: ${t.explanation ?? "no reason"}` : `Task ${t.taskId.slice(0, 8)} is running`,
      tone: t.lastStatus === "STOPPED" && t.stopCategory && BAD_STOPS.has(t.stopCategory) ? "bad" as const : "info" as const,
    })),
    ...input.deployments.map((d) => ({
      at: d.updatedAt, kind: "deployment" as const,
      text: `Deployment ${d.deploymentId} ${d.rolloutState ?? d.status}${d.rolloutStateReason ? `: ${d.rolloutStateReason}` : ""}${d.failedTasks ? ` (${d.failedTasks} failed tasks)` : ""}`,
      tone: d.rolloutState === "FAILED" ? "bad" as const : d.rolloutState === "COMPLETED" ? "good" as const : "info" as const,
    })),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
