import { z } from "zod";
import { planActionsRecord } from "@/lib/domain/plan";
import { planForEnvironment } from "@/lib/server/applies";
import { DesignIdSchema } from "@/lib/server/designs";
import { SANDBOX_ENVIRONMENT_ID } from "@/lib/server/environments";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = {
  schema: z.object({ id: DesignIdSchema, env: z.uuid({ message: "Not an environment id" }).default(SANDBOX_ENVIRONMENT_ID) }),
  ids: ["id", "env"],
  notFound: () => "No such design or environment",
  environment: (i: { env: string }) => i.env,
};

/**
 * What a plan of the design against an environment (`?env=`, default the sandbox) would do to
 * each design resource: `{ actions: { [resourceId]: "create" | "update" | ... } }`, for the canvas.
 * Planned afresh on each request (Describe/List calls only), so it is never stale.
 */
export const GET = inputRoute("GET /designs/[id]/plan/actions", INPUT, async ({ id, env }, ctx) => {
  const r = await planForEnvironment({ ctx, input: { designId: id, environmentId: env } });
  return Response.json(
    { designId: id, environmentId: r.environmentId, designVersion: r.designVersion, plannedAt: r.plannedAt, summary: r.plan.summary, actions: planActionsRecord(r.plan) },
    { headers: { "cache-control": "no-store" } },
  );
});
