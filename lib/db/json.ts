import type { Prisma } from "./generated/client";

/**
 * Documents are plain JSON by construction (zod-parsed designs); the cast is only because
 * loose-object types carry `unknown` index signatures that Prisma's JSON type rejects.
 */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}

/**
 * A unique-constraint violation: Prisma's P2002 from a model query, or, from a raw query (P2010),
 * the driver adapter's UniqueConstraintViolation (PostgreSQL's 23505).
 */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } };
  if (e.code === "P2002") return true;
  const cause = e.meta?.driverAdapterError?.cause;
  return e.code === "P2010" && (cause?.kind === "UniqueConstraintViolation" || cause?.originalCode === "23505");
}
