import { toCsv } from "@/lib/domain/monitor";
import { createAppContext } from "@/lib/server/context";
import { toErrorResponse, ValidationError } from "@/lib/server/errors";
import { HistoryInputSchema, queryHistory } from "@/lib/server/monitor";
import { searchParams } from "../../../respond";

export const dynamic = "force-dynamic";

/** Flight-recorder rows; `format=csv` or `format=json` downloads them as a file. */
export async function GET(req: Request, { params }: { params: Promise<{ envId: string; cluster: string }> }) {
  const { format, ...query } = searchParams(req);
  const p = await params;
  const parsed = HistoryInputSchema.safeParse({ ...p, ...query });
  if (!parsed.success) return toErrorResponse(ValidationError.ofRequest(parsed.error));
  try {
    const rows = await queryHistory({ ctx: await createAppContext(), input: parsed.data });
    const name = `${p.cluster}-${parsed.data.kind}${parsed.data.service ? `-${parsed.data.service}` : ""}`;
    if (format === "csv") {
      return new Response(toCsv(rows), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` } });
    }
    if (format === "json") {
      return new Response(JSON.stringify(rows, null, 2), { headers: { "content-type": "application/json", "content-disposition": `attachment; filename="${name}.json"` } });
    }
    return Response.json({ rows });
  } catch (err) {
    return toErrorResponse(err);
  }
}
