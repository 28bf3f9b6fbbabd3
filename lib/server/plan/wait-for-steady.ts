import type { Service as EcsService } from "@aws-sdk/client-ecs";
import { realPacerClock, type EcsPort, type PacerClock } from "../../aws";
import type { Plan } from "../../domain/plan";

export type ServiceRef = { cluster: string; service: string };
export type SteadyProgress = { service: ServiceRef; desired: number; running: number; pending: number; deployments: number; rolloutState?: string };
export type SteadyResult =
  | { ok: true }
  | { ok: false; reason: "timeout" | "failed"; message: string; service?: ServiceRef };

/** The services a plan creates, updates or replaces: the ones an apply should wait for. */
export function servicesToWatch(plan: Plan): ServiceRef[] {
  return plan.steps
    .filter((s) => s.kind === "service" && ["create", "update", "replace"].includes(s.action) && s.calls.length > 0)
    .map((s) => ({ cluster: s.name.slice(0, s.name.indexOf("/")), service: s.name.slice(s.name.indexOf("/") + 1) }));
}

/** Steady: one deployment left, as many tasks running as desired, none pending, rollout not failed. */
export function isSteady(s: EcsService): boolean {
  const d = s.deployments ?? [];
  return d.length === 1 && d[0].rolloutState !== "FAILED" && d[0].rolloutState !== "IN_PROGRESS" &&
    s.runningCount === s.desiredCount && (s.pendingCount ?? 0) === 0;
}

/** Polls DescribeServices (10 per call) until every service settles, a rollout fails, or time runs out. */
export async function waitForSteady(
  ecs: EcsPort, services: ServiceRef[],
  opts: { timeoutMs?: number; pollMs?: number; clock?: PacerClock; onProgress?: (p: SteadyProgress[]) => void } = {},
): Promise<SteadyResult> {
  const clock = opts.clock ?? realPacerClock;
  const deadline = clock.now() + (opts.timeoutMs ?? 15 * 60_000);
  const byCluster = new Map<string, string[]>();
  for (const s of services) byCluster.set(s.cluster, [...(byCluster.get(s.cluster) ?? []), s.service]);
  for (;;) {
    const progress: SteadyProgress[] = [];
    let steady = true;
    for (const [cluster, names] of byCluster) {
      const r = await ecs.describeServices({ cluster, services: names });
      for (const s of r.services) {
        const ref = { cluster, service: s.serviceName ?? "" };
        const primary = s.deployments?.find((d) => d.status === "PRIMARY");
        if (primary?.rolloutState === "FAILED") {
          return { ok: false, reason: "failed", service: ref, message: primary.rolloutStateReason ?? `the deployment of ${ref.service} failed` };
        }
        progress.push({ service: ref, desired: s.desiredCount ?? 0, running: s.runningCount ?? 0, pending: s.pendingCount ?? 0, deployments: s.deployments?.length ?? 0, rolloutState: primary?.rolloutState });
        if (!isSteady(s)) steady = false;
      }
    }
    opts.onProgress?.(progress);
    if (steady) return { ok: true };
    if (clock.now() >= deadline) return { ok: false, reason: "timeout", message: `services did not reach a steady state within ${Math.round((opts.timeoutMs ?? 900_000) / 1000)} s` };
    await clock.sleep(opts.pollMs ?? 5000);
  }
}
