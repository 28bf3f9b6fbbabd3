import { handleControlRequest } from "@/lib/sandbox/http";
import { sandboxDeps } from "@/lib/server/sandbox";

// The sandbox control API (not part of ECS): POST { action, ... } — see lib/sandbox/README.md.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const body = new Uint8Array(await request.arrayBuffer());
  const res = await handleControlRequest({ headers: request.headers, body }, sandboxDeps());
  return new Response(res.body, { status: res.status, headers: res.headers });
}

export async function GET(): Promise<Response> {
  const res = await handleControlRequest({ headers: {}, body: JSON.stringify({ action: "status" }) }, sandboxDeps());
  return new Response(res.body, { status: res.status, headers: res.headers });
}
