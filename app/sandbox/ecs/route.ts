import { handleEcsRequest } from "@/lib/sandbox/http";
import { sandboxDeps } from "@/lib/server/sandbox";

// The sandbox ECS endpoint: point @aws-sdk/client-ecs at <origin>/sandbox/ecs.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const body = new Uint8Array(await request.arrayBuffer());
  const res = await handleEcsRequest({ headers: request.headers, body }, sandboxDeps());
  return new Response(res.body, { status: res.status, headers: res.headers });
}
