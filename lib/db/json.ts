import type { Prisma } from "./generated/client";

/**
 * Documents are plain JSON by construction (zod-parsed designs); the cast is only because
 * loose-object types carry `unknown` index signatures that Prisma's JSON type rejects.
 */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}

/** Prisma's error code for a unique-constraint violation. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}
