import { handleAwsRequest } from "@/lib/sandbox/http";
import { sandboxDeps } from "@/lib/server/sandbox";

// Every sandboxed AWS service at one endpoint: AWS_ENDPOINT_URL=<origin>/sandbox/aws. The
// service is the one the request's SigV4 credential scope names (ecs, elasticloadbalancing,
// ec2), each in its own protocol — see lib/sandbox/README.md.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const body = new Uint8Array(await request.arrayBuffer());
  const res = await handleAwsRequest({ headers: request.headers, body }, sandboxDeps());
  return new Response(res.body, { status: res.status, headers: res.headers });
}
