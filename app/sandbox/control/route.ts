import { handleControlRequest } from "@/lib/sandbox/http";

// The sandbox control API (not part of ECS): POST { action, ... } — see lib/sandbox/README.md.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const body = new Uint8Array(await request.arrayBuffer());
  const res = await handleControlRequest({ headers: request.headers, body });
  return new Response(res.body, { status: res.status, headers: res.headers });
}

export async function GET(): Promise<Response> {
  const res = await handleControlRequest({ headers: {}, body: JSON.stringify({ action: "status" }) });
  return new Response(res.body, { status: res.status, headers: res.headers });
}
