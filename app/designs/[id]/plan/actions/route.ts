import { planActionsRecord } from "@/lib/domain/plan";
import { planForEnvironment, PlanForEnvironmentInputSchema } from "@/lib/server/applies";
import { createAppContext } from "@/lib/server/context";
import { SANDBOX_ENVIRONMENT_ID } from "@/lib/server/environments";
import { NotFoundError, toErrorResponse } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

/**
 * What a plan of the design against an environment (`?env=`, default the sandbox) would do to
 * each design resource: `{ actions: { [resourceId]: "create" | "update" | ... } }`, for the canvas.
 * Planned afresh on each request (Describe/List calls only), so it is never stale.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const env = new URL(req.url).searchParams.get("env") ?? SANDBOX_ENVIRONMENT_ID;
  const input = PlanForEnvironmentInputSchema.safeParse({ designId: id, environmentId: env });
  if (!input.success) return toErrorResponse(new NotFoundError("No such design or environment"));
  try {
    const r = await planForEnvironment({ ctx: await createAppContext(), input: input.data });
    return Response.json(
      { designId: id, environmentId: r.environmentId, designVersion: r.designVersion, plannedAt: r.plannedAt, summary: r.plan.summary, actions: planActionsRecord(r.plan) },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (err) {
    return toErrorResponse(err);
  }
}
