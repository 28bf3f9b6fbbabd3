import type { Db, DbTransaction } from "@/lib/db";
import { EnvironmentRoleSchema, type Grant } from "@/lib/domain/access";
import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { loadEnvironmentRow } from "../environments";
import { NotFoundError, ValidationError } from "../errors";
import type { AddGrantInput, GrantRef } from "./schemas";
import type { GrantView } from "./types";

type GrantRow = { id: string; environmentId: string; subjectKind: string; subject: string; role: string; createdAt: Date };

/** Every grant on an environment, as the decision reads them. */
export async function grantsOf(db: Db | DbTransaction, environmentId: string): Promise<Grant[]> {
  const rows = await db.environmentGrant.findMany({ where: { environmentId }, select: { subjectKind: true, subject: true, role: true } });
  return rows.map((r) => ({ subjectKind: r.subjectKind === "group" ? "group" : "person", subject: r.subject, role: EnvironmentRoleSchema.parse(r.role) }));
}

async function toViews(db: Db | DbTransaction, rows: GrantRow[]): Promise<GrantView[]> {
  const ids = rows.filter((r) => r.subjectKind === "person").map((r) => r.subject);
  const people = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }) : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((r) => {
    const p = r.subjectKind === "person" ? byId.get(r.subject) : undefined;
    return {
      id: r.id, environmentId: r.environmentId, subjectKind: r.subjectKind === "group" ? "group" : "person", subject: r.subject,
      label: r.subjectKind === "group" ? `group ${r.subject}` : p ? `${p.name} (${p.email})` : "a removed person",
      role: EnvironmentRoleSchema.parse(r.role), createdAt: r.createdAt.toISOString(),
    };
  });
}

/** Every grant of every environment (the Environments page, for admins), by environment id. */
export async function listGrants({ ctx }: { ctx: AppContext }): Promise<Record<string, GrantView[]>> {
  const rows = await ctx.db.environmentGrant.findMany({ orderBy: [{ environmentId: "asc" }, { createdAt: "asc" }] });
  const out: Record<string, GrantView[]> = {};
  for (const v of await toViews(ctx.db, rows)) (out[v.environmentId] ??= []).push(v);
  return out;
}

export async function addGrant({ ctx, input }: { ctx: AppContext; input: AddGrantInput }): Promise<GrantView> {
  const env = await loadEnvironmentRow(ctx, input.environmentId);
  return ctx.db.$transaction(async (tx) => {
    if (input.subjectKind === "person" && !(await tx.user.findUnique({ where: { id: input.subject }, select: { id: true } }))) {
      throw new ValidationError([{ path: "subject", message: "No such person" }], "No such person.");
    }
    const key = { environmentId: env.id, subjectKind: input.subjectKind, subject: input.subject, role: input.role };
    const existing = await tx.environmentGrant.findUnique({ where: { environmentId_subjectKind_subject_role: key } });
    if (existing) return (await toViews(tx, [existing]))[0];
    const row = await tx.environmentGrant.create({
      data: { ...key, createdAt: ctx.clock.now(), createdBy: ctx.actor.kind === "person" ? ctx.actor.person.id : null },
    });
    const [view] = await toViews(tx, [row]);
    await recordAudit(tx, ctx, { target: { type: "environment", id: env.id }, environmentId: env.id, after: { grant: { ...key, label: view.label } } });
    return view;
  });
}

export async function removeGrant({ ctx, input }: { ctx: AppContext; input: GrantRef }): Promise<{ id: string }> {
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.environmentGrant.findUnique({ where: { id: input.id } });
    if (!row) throw new NotFoundError(`Grant ${input.id} does not exist`);
    await tx.environmentGrant.delete({ where: { id: row.id } });
    const [view] = await toViews(tx, [row]);
    await recordAudit(tx, ctx, {
      target: { type: "environment", id: row.environmentId }, environmentId: row.environmentId,
      before: { grant: { subjectKind: row.subjectKind, subject: row.subject, role: row.role, label: view.label } },
    });
    return { id: row.id };
  });
}
