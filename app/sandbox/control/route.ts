import { handleControlRequest } from "@/lib/sandbox/http";
import { sandboxDeps, sandboxRoute } from "@/lib/server/sandbox";

// The sandbox control API (not part of ECS): POST { action, ... } — see lib/sandbox/README.md.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = sandboxRoute(handleControlRequest);

export async function GET(): Promise<Response> {
  const res = await handleControlRequest({ headers: {}, body: JSON.stringify({ action: "status" }) }, sandboxDeps());
  return new Response(res.body, { status: res.status, headers: res.headers });
}
