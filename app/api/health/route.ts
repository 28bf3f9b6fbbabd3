import { toErrorResponse, UnavailableError } from "@/lib/server/errors";
import { checkHealth } from "@/lib/server/health/check-health";
import { route } from "@/lib/server/route";

/**
 * Ready once the database is open and migrated; Playwright waits on this before testing.
 * (GET handlers are not prerendered or cached since Next 15, so this runs on every request.)
 */
export const GET = route("GET /api/health", async (_req: Request, _args: unknown, ctx) => {
  try {
    return Response.json(await checkHealth({ ctx }));
  } catch (err) {
    console.error("Health check failed", err);
    return toErrorResponse(new UnavailableError("The database is not available"));
  }
});
