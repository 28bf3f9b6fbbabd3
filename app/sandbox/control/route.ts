import { handleControlRequest } from "@/lib/sandbox/http";
import { route, sandboxRoute } from "@/lib/server/route";

// The sandbox control API (not part of ECS): POST { action, ... } — see lib/sandbox/README.md.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = sandboxRoute("POST /sandbox/control", "control", handleControlRequest);

export const GET = route("GET /sandbox/control", async (_req: Request, _args: unknown, ctx) => {
  const res = await handleControlRequest({ headers: {}, body: JSON.stringify({ action: "status" }) }, ctx.sandbox);
  return new Response(res.body, { status: res.status, headers: res.headers });
});
