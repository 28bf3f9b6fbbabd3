import { toView, type MonitorView } from "@/lib/domain/monitor";
import type { AppContext } from "../context";
import type { ClusterViewInput } from "./schemas";

/** The latest snapshot of a cluster for one viewer; the request itself keeps the shared poller alive. */
export async function getClusterView({ ctx, input }: { ctx: AppContext; input: ClusterViewInput }): Promise<MonitorView> {
  const poller = await ctx.monitor.poller(input.envId, input.cluster);
  // A poller that was idle holds an old snapshot: wait (briefly) for a fresh one rather than show it.
  const wasPolling = poller.active;
  const refreshing = poller.touch();
  if (!wasPolling || !poller.latest) await Promise.race([refreshing, new Promise((r) => setTimeout(r, 5_000))]);
  const s = poller.latest;
  const now = ctx.clock.now();
  const view = toView({ envId: input.envId, cluster: input.cluster, snapshot: s?.snapshot, now, intervalMs: s?.intervalMs || poller.intervalMs, error: s?.error, service: input.service });
  // A follower's snapshot can be fresh while the holder has died: judge by when it last tried.
  if (s && !s.error && Date.parse(s.attemptedAt) < now.getTime() - 3 * Math.max(poller.intervalMs, 5_000)) {
    view.stale = true;
    view.unreachable = true;
    view.error = "The server instance that polls this cluster has not refreshed it lately.";
  }
  return view;
}
