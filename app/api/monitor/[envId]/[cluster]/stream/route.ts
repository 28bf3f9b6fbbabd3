import { toView } from "@/lib/domain/monitor";
import { ClusterViewInputSchema, envNotFound } from "@/lib/server/monitor";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = { schema: ClusterViewInputSchema, ids: ["envId"], notFound: envNotFound };

/** Server-sent events: the cluster's view after every refresh of the shared poller. */
export const GET = inputRoute("GET /api/monitor/[envId]/[cluster]/stream", INPUT, async (input, ctx, req) => {
  const poller = await ctx.monitor.poller(input.envId, input.cluster);
  const encoder = new TextEncoder();
  let unsubscribe = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = () => {
        const s = poller.latest;
        const view = toView({ envId: input.envId, cluster: input.cluster, snapshot: s?.snapshot, now: ctx.clock.now(), intervalMs: s?.intervalMs || poller.intervalMs, error: s?.error, service: input.service });
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(view)}\n\n`));
      };
      unsubscribe = poller.subscribe(send);
      if (poller.latest) send();
      req.signal.addEventListener("abort", () => {
        unsubscribe();
        try { controller.close(); } catch { /* already closed */ }
      });
    },
    cancel() {
      unsubscribe();
    },
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" } });
});
