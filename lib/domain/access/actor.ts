import type { Role } from "./roles";

/** A person who signs in, as the server knows them for the length of one request. */
export type Person = { id: string; email: string; name: string; role: Role; groups: readonly string[] };

/**
 * Who an operation acts for. Requests carry the signed-in person (or nobody); work the server
 * starts itself (monitor pollers, start-up, the CLI) names itself as a system actor. A request
 * signed with a personal sandbox access key (SigV4) carries its person and `accessKeyId` (no
 * session: `sessionId` is ""). Only
 * requests are authorised; the system actor is for the record (the audit trail), not a pass.
 */
export type Actor =
  | { kind: "person"; person: Person; sessionId: string; accessKeyId?: string }
  | { kind: "system"; name: string }
  | { kind: "anonymous" };

export const ANONYMOUS: Actor = { kind: "anonymous" };

export function systemActor(name: string): Actor {
  return { kind: "system", name };
}
