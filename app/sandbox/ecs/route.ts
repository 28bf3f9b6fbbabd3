import { handleEcsRequest } from "@/lib/sandbox/http";
import { sandboxRoute } from "@/lib/server/route";

// The sandbox ECS endpoint: point @aws-sdk/client-ecs at <origin>/sandbox/ecs.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = sandboxRoute("POST /sandbox/ecs", "ecs", handleEcsRequest);
