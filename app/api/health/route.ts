import { createAppContext } from "@/lib/server/context";
import { toErrorResponse, UnavailableError } from "@/lib/server/errors";
import { checkHealth } from "@/lib/server/health/check-health";

/**
 * Ready once the database is open and migrated; Playwright waits on this before testing.
 * (GET handlers are not prerendered or cached since Next 15, so this runs on every request.)
 */
export async function GET() {
  try {
    return Response.json(await checkHealth({ ctx: await createAppContext() }));
  } catch (err) {
    console.error("Health check failed", err);
    return toErrorResponse(new UnavailableError("The database is not available"));
  }
}
