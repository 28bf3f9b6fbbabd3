import { handleAwsRequest } from "@/lib/sandbox/http";
import { sandboxRoute } from "@/lib/server/route";

// Every sandboxed AWS service at one endpoint: AWS_ENDPOINT_URL=<origin>/sandbox/aws. The
// service is the one the request's SigV4 credential scope names (ecs, elasticloadbalancing,
// ec2), each in its own protocol — see lib/sandbox/README.md.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = sandboxRoute("POST /sandbox/aws", "aws", handleAwsRequest);
