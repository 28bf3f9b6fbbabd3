import { handleAwsRequest } from "@/lib/sandbox/http";
import { sandboxRoute } from "@/lib/server/route";

// The restJson1 services at /sandbox/aws (EventBridge Scheduler) name their operations by method
// and path below the endpoint (`POST /sandbox/aws/schedules/{Name}`, `GET …/schedules?…`); the
// same router as POST /sandbox/aws picks the service from the SigV4 credential scope.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = sandboxRoute("GET /sandbox/aws/[...path]", "aws", handleAwsRequest);
export const POST = sandboxRoute("POST /sandbox/aws/[...path]", "aws", handleAwsRequest);
export const PUT = sandboxRoute("PUT /sandbox/aws/[...path]", "aws", handleAwsRequest);
export const DELETE = sandboxRoute("DELETE /sandbox/aws/[...path]", "aws", handleAwsRequest);
