import { handleAuthRequest } from "@/lib/server/auth/auth-endpoint";
import { route } from "@/lib/server/route";

// Signing in and out, the session and changing one's password (better-auth).
export const dynamic = "force-dynamic";

export const GET = route("GET /api/auth/[...all]", async (req: Request, _args: unknown, ctx) => handleAuthRequest(ctx, req));
export const POST = route("POST /api/auth/[...all]", async (req: Request, _args: unknown, ctx) => handleAuthRequest(ctx, req));
