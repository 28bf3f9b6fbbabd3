import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { Design } from "@/lib/domain/design";
import { getApply, listApplies, planForEnvironment, startApply, StartApplyInputSchema } from "@/lib/server/applies";
import type { AppContext } from "@/lib/server/context";
import { importDesign } from "@/lib/server/designs/import-design";
import { saveDesign } from "@/lib/server/designs/save-design";
import { createEnvironment } from "@/lib/server/environments";
import { PlanHasErrorsError, toActionFailure } from "@/lib/server/errors";
import { withDbAndSandbox, type PlanSandbox } from "./helpers/db-and-sandbox";

// The validator gate: a design Stevedore reports as invalid (a compose file says nothing of
// subnets) is not applied, nothing is written, until it is fixed or the person chooses to apply
// anyway, which the apply's record keeps. Against the sandbox over HTTP and a real database.

let db: Db;
let sb: PlanSandbox;
let ctx: AppContext;
withDbAndSandbox((t) => { ({ db, sb, ctx } = t); });

const COMPOSE = `services:
  web:
    image: public.ecr.aws/nginx/nginx:1.27
    ports: ["80:80"]
`;

async function setup(name: string) {
  const env = await createEnvironment({ ctx, input: { name: `gate-${name}`, kind: "sandbox", region: "eu-west-1", readOnly: false } });
  const { id } = await importDesign({ ctx, input: { text: COMPOSE, fileName: `${name}.compose.yml`, name } });
  const stored = await db.design.findUniqueOrThrow({ where: { id } });
  return { env, designId: id, document: stored.document as unknown as Design };
}

const clusterNames = async () => (await sb.ecs.listClusters()).map((arn) => arn.slice(arn.lastIndexOf("/") + 1));

describe("the validator gate", () => {
  it("refuses a plan with validator errors before any write, naming each, and the action answers PLAN_HAS_ERRORS", async () => {
    const { env, designId, document } = await setup("refused");
    const p = await planForEnvironment({ ctx, input: { designId, environmentId: env.id } });
    expect(p.plan.errors.map((f) => `${f.ruleId} ${f.resource.name}`)).toEqual(["service-network web"]);
    expect(p.plan.empty).toBe(false);
    const input = { designId, environmentId: env.id, designVersion: p.designVersion, fingerprint: p.fingerprint, waitForSteady: false };
    const refused = await startApply({ ctx, input }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlanHasErrorsError);
    expect(toActionFailure(refused)).toMatchObject({
      ok: false, code: "PLAN_HAS_ERRORS",
      message: expect.stringMatching(/^Not applied: 1 validator error, which ECS would refuse\. service web: .*Network Configuration must be provided/),
      issues: [{ path: "services[0].networkConfiguration", message: expect.stringContaining("awsvpc") }],
    });
    // allowErrors: false is the same as leaving it out.
    await expect(startApply({ ctx, input: StartApplyInputSchema.parse({ ...input, allowErrors: false }) })).rejects.toBeInstanceOf(PlanHasErrorsError);
    expect(await db.apply.count({ where: { designId } })).toBe(0);
    expect(await clusterNames()).not.toContain(document.clusters[0].clusterName);
  });

  it("applies anyway when asked, and records the overridden findings with the apply", async () => {
    const { env, designId, document } = await setup("overridden");
    const p = await planForEnvironment({ ctx, input: { designId, environmentId: env.id } });
    const { id } = await startApply({ ctx, input: { designId, environmentId: env.id, designVersion: p.designVersion, fingerprint: p.fingerprint, waitForSteady: false, allowErrors: true } });
    await ctx.applies.finished(id);
    const apply = await getApply({ ctx, input: { id } });
    // ECS has the last word: the sandbox refuses CreateService for the very reason the validator gave.
    expect(apply.status).toBe("failed");
    expect(apply.steps.find((s) => s.status === "failed")).toMatchObject({ key: `service:${document.clusters[0].clusterName}/web`, error: { name: "InvalidParameterException" } });
    expect(apply.allowedErrors).toEqual(p.plan.errors);
    const [summary] = await listApplies({ ctx, input: { designId, limit: 20 } });
    expect(summary).toMatchObject({ id, allowedErrors: [expect.objectContaining({ ruleId: "service-network", resource: expect.objectContaining({ name: "web" }) })] });
    const row = await db.apply.findUniqueOrThrow({ where: { id } });
    expect(row.allowedErrors).toEqual(JSON.parse(JSON.stringify(p.plan.errors)));
  });

  it("applies a fixed design without asking, and records no override (null) even when one was offered", async () => {
    const { env, designId, document } = await setup("fixed");
    const fixed: Design = {
      ...document,
      services: document.services.map((s) => ({ ...s, networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d"], securityGroups: ["sg-0123abcd"] } } })),
    };
    const { version } = await saveDesign({ ctx, input: { id: designId, expectedVersion: 1, document: fixed } });
    const p = await planForEnvironment({ ctx, input: { designId, environmentId: env.id } });
    expect(p.plan.errors).toEqual([]);
    const { id } = await startApply({ ctx, input: { designId, environmentId: env.id, designVersion: version, fingerprint: p.fingerprint, waitForSteady: false, allowErrors: true } });
    await ctx.applies.finished(id);
    const apply = await getApply({ ctx, input: { id } });
    expect(apply.status).toBe("succeeded");
    expect(apply).not.toHaveProperty("allowedErrors");
    expect((await db.apply.findUniqueOrThrow({ where: { id } })).allowedErrors).toBeNull();
  });
});
