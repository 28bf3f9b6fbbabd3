import { AuditQuerySchema, queryAudit, toNdjson } from "@/lib/server/audit";
import { toErrorResponse, ValidationError } from "@/lib/server/errors";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Audit rows matching the query's filters (see AuditQuerySchema), newest first; `format=ndjson` downloads them. */
export const GET = route("GET /api/audit", async (req: Request, _args: unknown, ctx) => {
  const { format, ...query } = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = AuditQuerySchema.safeParse(query);
  if (!parsed.success) return toErrorResponse(ValidationError.ofRequest(parsed.error));
  const rows = await queryAudit({ ctx, input: parsed.data });
  if (format === "ndjson") {
    return new Response(toNdjson(rows), {
      headers: { "content-type": "application/x-ndjson", "content-disposition": `attachment; filename="stevedore-audit.ndjson"`, "cache-control": "no-store" },
    });
  }
  return Response.json({ rows }, { headers: { "cache-control": "no-store" } });
});
