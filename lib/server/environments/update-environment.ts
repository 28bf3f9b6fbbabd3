import { isUniqueViolation } from "@/lib/db";
import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { approvalSettings, nameTaken } from "./create-environment";
import { loadEnvironmentRow, SANDBOX_ENVIRONMENT_ID, toView } from "./environment-record";
import { RefusedError } from "../errors";
import type { UpdateEnvironmentInput } from "./schemas";
import { sealSecret } from "./secret-box";
import type { EnvironmentView } from "./types";

export async function updateEnvironment({ ctx, input }: { ctx: AppContext; input: UpdateEnvironmentInput }): Promise<EnvironmentView> {
  const current = await loadEnvironmentRow(ctx, input.id);
  if (current.id === SANDBOX_ENVIRONMENT_ID && input.kind !== "sandbox") throw new RefusedError("The built-in sandbox stays a sandbox.");
  const externalIdSecret = input.kind === "sandbox" || input.clearExternalId
    ? null
    : input.externalId ? sealSecret(input.externalId) : current.externalIdSecret;
  try {
    return await ctx.db.$transaction(async (tx) => {
      const row = await tx.environment.update({
        where: { id: input.id },
        data: {
          name: input.name, kind: input.kind, region: input.region, profile: input.profile ?? null, roleArn: input.roleArn ?? null,
          externalIdSecret, endpoint: input.endpoint ?? null, readOnly: input.readOnly,
          ...approvalSettings(input), updatedAt: ctx.clock.now(),
        },
      });
      const view = toView(row);
      await recordAudit(tx, ctx, { target: { type: "environment", id: row.id }, environmentId: row.id, before: toView(current), after: view });
      return view;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}
