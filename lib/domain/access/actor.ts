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
  | { kind: "person"; person: Person; sessionId: string; /** "password" or "sso:<provider id>"; unset: "password". */ signInMethod?: string; /** Set when a sandbox access key (SigV4) signed the request. */ accessKeyId?: string }
  | { kind: "system"; name: string; actingFor?: ActingFor }
  | { kind: "anonymous" };

/** The person a system actor works for (the apply runner runs a person's apply). */
export type ActingFor = { id: string; email: string };

export const ANONYMOUS: Actor = { kind: "anonymous" };

export function systemActor(name: string, actingFor?: ActingFor): Actor {
  return { kind: "system", name, ...(actingFor ? { actingFor } : {}) };
}

/** Who a request's actor is, as a record keeps it: a person's id and email, or none. */
export function personOf(actor: Actor): ActingFor | null {
  return actor.kind === "person" ? { id: actor.person.id, email: actor.person.email } : null;
}
