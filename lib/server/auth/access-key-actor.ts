import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/domain/access";
import { verifySignature, type ArrivedRequest, type SignatureFailure } from "@/lib/sandbox/signature";
import { openSecret } from "../environments/secret-box";
import { ACCESS_KEY_PURPOSE } from "../people/access-keys";
import { toPerson } from "./person-record";

// Who signed a sandbox request: the access key its SigV4 signature names, looked up here; the
// signature itself is checked in lib/sandbox/signature.ts. The person is read as they are now,
// so a key acts with its person's current role, and a removed person's keys are gone with them.

/** Last-used times are kept to the minute: a busy script does not write on every call. */
const LAST_USED_GRANULARITY_MS = 60_000;

export async function accessKeyActor(
  db: Db, req: ArrivedRequest, now: Date,
): Promise<{ ok: true; actor: Actor & { kind: "person" }; region: string; markUsed: () => Promise<void> } | { ok: false; failure: SignatureFailure }> {
  let found: { userId: string; lastUsedAt: Date | null; user: Parameters<typeof toPerson>[0] } | undefined;
  const verified = await verifySignature(req, async (accessKeyId) => {
    const row = await db.sandboxAccessKey.findUnique({ where: { id: accessKeyId }, include: { user: true } });
    if (!row) return undefined;
    found = row;
    return openSecret(row.secretSealed, ACCESS_KEY_PURPOSE);
  }, now.getTime());
  if (!verified.ok) return verified;
  if (!found) throw new Error("A verified signature without its key");
  const { accessKeyId } = verified.key;
  const lastUsedAt = found.lastUsedAt;
  /** For a call that was let through: the profile page shows when the key was last used. */
  const markUsed = async () => {
    if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < LAST_USED_GRANULARITY_MS) return;
    await db.sandboxAccessKey.updateMany({ where: { id: accessKeyId }, data: { lastUsedAt: now } });
  };
  return { ok: true, actor: { kind: "person", person: toPerson(found.user), sessionId: "", accessKeyId }, region: verified.key.region, markUsed };
}

/** Whether a request carries a SigV4 signature in its Authorization header (valid or not). */
export const hasSigV4 = (headers: Headers) => /^\s*AWS4-HMAC-SHA256\b/.test(headers.get("authorization") ?? "");
