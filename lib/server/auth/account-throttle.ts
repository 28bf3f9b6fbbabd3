import type { Db } from "@/lib/db";
import { hashToken } from "./tokens";

/** Sign-in attempts per account (email), from wherever they come, and the window in seconds. */
export const SIGN_IN_ATTEMPTS_PER_ACCOUNT = 10;
export const ACCOUNT_WINDOW_SECONDS = 300;

/**
 * better-auth limits sign-in attempts per client address, but the address comes from
 * X-Forwarded-For, which a client talking to the server directly can set to anything. So each
 * account has a limit of its own as well, in the same table (every instance shares it): a new
 * address per guess does not buy more guesses at one person's password. Counted atomically.
 */
export async function consumeAccountAttempt(db: Db, email: string, nowMs: number): Promise<{ allowed: boolean; retryAfter: number }> {
  const key = `account:${hashToken(email.trim().toLowerCase())}|/sign-in/email`;
  const windowMs = ACCOUNT_WINDOW_SECONDS * 1000;
  const [row] = await db.$queryRaw<{ count: number; last_request: bigint }[]>`
    INSERT INTO "rate_limit" ("id", "key", "count", "last_request") VALUES (gen_random_uuid(), ${key}, 1, ${nowMs})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "rate_limit"."last_request" <= ${nowMs - windowMs} THEN 1 ELSE "rate_limit"."count" + 1 END,
      "last_request" = CASE WHEN "rate_limit"."last_request" <= ${nowMs - windowMs} THEN ${nowMs} ELSE "rate_limit"."last_request" END
    RETURNING "count", "last_request"`;
  const retryAfter = Math.max(1, Math.ceil((Number(row.last_request) + windowMs - nowMs) / 1000));
  return { allowed: row.count <= SIGN_IN_ATTEMPTS_PER_ACCOUNT, retryAfter };
}
