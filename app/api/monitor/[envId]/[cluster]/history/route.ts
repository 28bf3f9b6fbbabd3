import { z } from "zod";
import { toCsv } from "@/lib/domain/monitor";
import { envNotFound, HistoryInputSchema, queryHistory } from "@/lib/server/monitor";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = {
  schema: HistoryInputSchema.and(z.object({ format: z.enum(["csv", "json"], { message: "format is csv or json" }).optional() })),
  ids: ["envId"],
  notFound: envNotFound,
};

/** Flight-recorder rows; `format=csv` or `format=json` downloads them as a file. */
export const GET = inputRoute("GET /api/monitor/[envId]/[cluster]/history", INPUT, async ({ format, ...input }, ctx) => {
  const rows = await queryHistory({ ctx, input });
  const name = `${input.cluster}-${input.kind}${input.service ? `-${input.service}` : ""}`;
  if (format === "csv") {
    return new Response(toCsv(rows), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` } });
  }
  if (format === "json") {
    return new Response(JSON.stringify(rows, null, 2), { headers: { "content-type": "application/json", "content-disposition": `attachment; filename="${name}.json"` } });
  }
  return Response.json({ rows });
});
