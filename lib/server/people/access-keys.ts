import { randomBytes } from "node:crypto";
import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { sealSecret } from "../environments/secret-box";
import { NotFoundError, RefusedError } from "../errors";
import { signedInPerson } from "./person-of";
import type { AccessKeyRef } from "./schemas";
import type { AccessKeyView, NewAccessKey } from "./types";

// Personal sandbox access keys: SigV4 credentials for the sandbox's AWS endpoints, created and
// revoked by each person on their profile page. Like IAM's: an id of 20 characters starting with
// AKIA, a secret of 40 shown once, at most two per person. The secret is sealed, not hashed,
// because checking a signature needs it (lib/server/auth/access-key-actor.ts).

/** At most this many keys per person, as IAM allows per user. */
export const MAX_ACCESS_KEYS = 2;

/** What seals a key's secret, so a sealed external id can never pass for one (and back). */
export const ACCESS_KEY_PURPOSE = "sandbox-access-key";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** `AKIA` and 16 random characters of [A-Z2-7] (80 bits). */
function newAccessKeyId(): string {
  return "AKIA" + Array.from(randomBytes(16), (b) => BASE32[b & 31]).join("");
}

/** 40 characters of base64 (240 bits), like an IAM secret access key. */
const newSecret = () => randomBytes(30).toString("base64");

const view = (k: { id: string; createdAt: Date; lastUsedAt: Date | null }): AccessKeyView => ({
  accessKeyId: k.id, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
});

/** The signed-in person's keys, oldest first. */
export async function listMyAccessKeys({ ctx }: { ctx: AppContext }): Promise<AccessKeyView[]> {
  const me = signedInPerson(ctx);
  const rows = await ctx.db.sandboxAccessKey.findMany({ where: { userId: me.id }, orderBy: { createdAt: "asc" } });
  return rows.map(view);
}

/**
 * A new key for the signed-in person; its secret is in the answer and nowhere else in the clear.
 * The person's row is locked first, so two requests at once cannot both make a third key.
 */
export async function createAccessKey({ ctx }: { ctx: AppContext; input?: unknown }): Promise<NewAccessKey> {
  const me = signedInPerson(ctx);
  return ctx.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "user" WHERE id = ${me.id}::uuid FOR UPDATE`;
    const count = await tx.sandboxAccessKey.count({ where: { userId: me.id } });
    if (count >= MAX_ACCESS_KEYS) {
      throw new RefusedError(`You already have ${MAX_ACCESS_KEYS} sandbox access keys, the most a person may have. Revoke one to create another.`);
    }
    const secretAccessKey = newSecret();
    const row = await tx.sandboxAccessKey.create({
      data: { id: newAccessKeyId(), userId: me.id, secretSealed: sealSecret(secretAccessKey, ACCESS_KEY_PURPOSE), createdAt: ctx.clock.now() },
    });
    await recordAudit(tx, ctx, { target: { type: "access-key", id: row.id } });
    return { ...view(row), secretAccessKey };
  });
}

/** Revokes one of the person's own keys at once. Another person's key id is answered like one that does not exist. */
export async function revokeAccessKey({ ctx, input }: { ctx: AppContext; input: AccessKeyRef }): Promise<{ accessKeyId: string }> {
  const me = signedInPerson(ctx);
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.sandboxAccessKey.deleteMany({ where: { id: input.accessKeyId, userId: me.id } });
    if (count === 0) throw new NotFoundError("No such access key.");
    await recordAudit(tx, ctx, { target: { type: "access-key", id: input.accessKeyId } });
    return { accessKeyId: input.accessKeyId };
  });
}
