import { isUniqueViolation } from "@/lib/db";
import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { ValidationError } from "../errors";
import { toView } from "./environment-record";
import type { CreateEnvironmentInput } from "./schemas";
import { sealSecret } from "./secret-box";
import type { EnvironmentView } from "./types";

export const nameTaken = (name: string) => new ValidationError([{ path: "name", message: `An environment named "${name}" already exists` }], "The name is taken");

/** Whether applies need approvals, how many and for how long each counts (defaults: no, 1, an hour). */
export const approvalSettings = (input: Pick<CreateEnvironmentInput, "protected" | "requiredApprovals" | "approvalExpiryMinutes">) => ({
  protected: input.protected ?? false, requiredApprovals: input.requiredApprovals ?? 1, approvalExpiryMinutes: input.approvalExpiryMinutes ?? 60,
});

export async function createEnvironment({ ctx, input }: { ctx: AppContext; input: CreateEnvironmentInput }): Promise<EnvironmentView> {
  const now = ctx.clock.now();
  try {
    return await ctx.db.$transaction(async (tx) => {
      const row = await tx.environment.create({
        data: {
          name: input.name, kind: input.kind, region: input.region, profile: input.profile ?? null, roleArn: input.roleArn ?? null,
          externalIdSecret: input.externalId ? sealSecret(input.externalId) : null, endpoint: input.endpoint ?? null,
          readOnly: input.readOnly, ...approvalSettings(input), createdAt: now, updatedAt: now,
        },
      });
      const view = toView(row);
      await recordAudit(tx, ctx, { target: { type: "environment", id: row.id }, environmentId: row.id, after: view });
      return view;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}
