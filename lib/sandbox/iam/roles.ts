import { z } from "zod";
import { peek } from "../core/draft";
import { bySeq, nextSeq, randomHex } from "../core/ids";
import { own, setOwn } from "../core/maps";
import type { Ctx, Role, World } from "../core/types";
import { isoTime, queryInt } from "../protocols/query";
import { iamError, noSuchRole } from "./errors";
import { PathSchema, Paging, PolicyArn, RoleName, TagsSchema, page, parseInput, tagsOf } from "./input";
import { managedPolicyName } from "./policies";

// Roles: CreateRole, GetRole, ListRoles, DeleteRole, their managed policies
// (AttachRolePolicy, DetachRolePolicy, ListAttachedRolePolicies) and inline policies
// (PutRolePolicy, GetRolePolicy, ListRolePolicies, DeleteRolePolicy), as the API reference has them:
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
// Role names are unique in an account regardless of case; an ARN is
// arn:aws:iam::<account>:role<path><name> (IAM is global: no Region in it).

const MAX_ROLES = 1000;
const MAX_ATTACHED = 10;

const key = (name: string) => name.toLowerCase();

function findRole(world: World, name: string, write: boolean): Role {
  const role = own(write ? world.roles : peek(world).roles, key(name));
  if (!role) throw noSuchRole(name);
  return role;
}

/**
 * A trust policy as IAM checks one: JSON, a Statement (one or a list), each with an Effect and
 * a Principal and without a Resource (a trust policy names who, not what).
 */
function checkTrustPolicy(text: string) {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw iamError("MalformedPolicyDocument", "This policy contains invalid Json");
  }
  const statement = (doc as { Statement?: unknown } | null)?.Statement;
  if (typeof doc !== "object" || doc === null || Array.isArray(doc) || statement === undefined) {
    throw iamError("MalformedPolicyDocument", "AssumeRolePolicy policy: Missing required field Statement");
  }
  for (const s of Array.isArray(statement) ? statement : [statement]) {
    const st = (s ?? {}) as Record<string, unknown>;
    if ("Resource" in st || "NotResource" in st) throw iamError("MalformedPolicyDocument", "Has prohibited field Resource");
    if (st.Effect !== "Allow" && st.Effect !== "Deny") throw iamError("MalformedPolicyDocument", "AssumeRolePolicy policy: Missing required field Effect");
    if (!("Principal" in st) && !("NotPrincipal" in st)) throw iamError("MalformedPolicyDocument", "AssumeRolePolicy policy: Missing required field Principal");
  }
}

/** What ListRoles writes of a role (no tags, boundary or last use: those are GetRole's). The policy document is URL-encoded, as IAM returns it. */
function listedRole(r: Role) {
  return {
    Path: r.path, RoleName: r.name, RoleId: r.id, Arn: r.arn, CreateDate: isoTime(r.createdAt),
    AssumeRolePolicyDocument: encodeURIComponent(r.assumeRolePolicyDocument), Description: r.description, MaxSessionDuration: r.maxSessionDuration,
  };
}

const roleOut = (r: Role) => ({ ...listedRole(r), Tags: r.tags.map((t) => ({ Key: t.key, Value: t.value })), RoleLastUsed: {} });

const CreateSchema = z.object({
  RoleName,
  Path: PathSchema.optional(),
  AssumeRolePolicyDocument: z.string().min(1).max(131072),
  Description: z.string().max(1000).optional(),
  MaxSessionDuration: queryInt().pipe(z.number().min(3600).max(43200)).optional(),
  PermissionsBoundary: PolicyArn.optional(),
  Tags: TagsSchema.optional(),
});

export function createRole(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(CreateSchema, raw);
  if (own(peek(world).roles, key(input.RoleName))) throw iamError("EntityAlreadyExists", `Role with name ${input.RoleName} already exists.`);
  checkTrustPolicy(input.AssumeRolePolicyDocument);
  if (input.PermissionsBoundary && !managedPolicyName(input.PermissionsBoundary)) throw iamError("InvalidInput", `ARN ${input.PermissionsBoundary} is not valid.`);
  if (Object.keys(peek(world).roles).length >= MAX_ROLES) throw iamError("LimitExceeded", `Cannot exceed quota for RolesPerAccount: ${MAX_ROLES}`);
  const path = input.Path ?? "/";
  const role: Role = {
    name: input.RoleName, id: `AROA${randomHex(world, 17).toUpperCase()}`, arn: `arn:aws:iam::${world.account}:role${path}${input.RoleName}`,
    path, assumeRolePolicyDocument: input.AssumeRolePolicyDocument, ...(input.Description !== undefined ? { description: input.Description } : {}),
    maxSessionDuration: input.MaxSessionDuration ?? 3600, attachedPolicies: [], tags: tagsOf(input.Tags), createdAt: ctx.now, seq: nextSeq(world),
  };
  setOwn(world.roles, key(role.name), role);
  return { Role: roleOut(role) };
}

export function getRole(world: World, raw: unknown) {
  const input = parseInput(z.object({ RoleName }), raw);
  return { Role: roleOut(findRole(world, input.RoleName, false)) };
}

const ListSchema = z.object({ PathPrefix: z.string().min(1).max(512).optional(), ...Paging });

export function listRoles(world: World, raw: unknown) {
  const input = parseInput(ListSchema, raw);
  const all = bySeq(peek(world).roles).filter((r) => r.path.startsWith(input.PathPrefix ?? "/"));
  const { items, ...paging } = page(all, input);
  return { Roles: items.map(listedRole), ...paging };
}

export function deleteRole(world: World, raw: unknown) {
  const input = parseInput(z.object({ RoleName }), raw);
  const role = findRole(world, input.RoleName, false);
  if (role.attachedPolicies.length) throw iamError("DeleteConflict", "Cannot delete entity, must detach all policies first.");
  if (Object.keys(role.inlinePolicies ?? {}).length) throw iamError("DeleteConflict", "Cannot delete entity, must delete policies first.");
  delete world.roles[key(role.name)];
  return {};
}

const AttachSchema = z.object({ RoleName, PolicyArn });

export function attachRolePolicy(world: World, raw: unknown) {
  const input = parseInput(AttachSchema, raw);
  const role = findRole(world, input.RoleName, true);
  if (!managedPolicyName(input.PolicyArn)) throw iamError("NoSuchEntity", `Policy ${input.PolicyArn} does not exist or is not attachable.`);
  if (role.attachedPolicies.includes(input.PolicyArn)) return {};
  if (role.attachedPolicies.length >= MAX_ATTACHED) throw iamError("LimitExceeded", `Cannot exceed quota for PoliciesPerRole: ${MAX_ATTACHED}`);
  role.attachedPolicies.push(input.PolicyArn);
  return {};
}

export function detachRolePolicy(world: World, raw: unknown) {
  const input = parseInput(AttachSchema, raw);
  const role = findRole(world, input.RoleName, true);
  if (!role.attachedPolicies.includes(input.PolicyArn)) throw iamError("NoSuchEntity", `Policy ${input.PolicyArn} was not found.`);
  role.attachedPolicies = role.attachedPolicies.filter((a) => a !== input.PolicyArn);
  return {};
}

export function listAttachedRolePolicies(world: World, raw: unknown) {
  const input = parseInput(z.object({ RoleName, PathPrefix: z.string().min(1).max(512).optional(), ...Paging }), raw);
  const role = findRole(world, input.RoleName, false);
  const prefix = `arn:aws:iam::aws:policy${input.PathPrefix ?? "/"}`;
  const { items, ...paging } = page(role.attachedPolicies.filter((a) => a.startsWith(prefix)), input);
  return { AttachedPolicies: items.map((a) => ({ PolicyName: managedPolicyName(a), PolicyArn: a })), ...paging };
}

// Inline policies: PolicyName 1–128 of [\w+=,.@-], a document of at most 10,240 characters
// (the role's inline policies together: IAM's "Role policy size" quota), JSON with a Statement.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html
const PolicyName = z.string().min(1).max(128).regex(/^[\w+=,.@-]+$/, "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
const MAX_INLINE_CHARS = 10_240;

function checkPermissionsPolicy(text: string) {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw iamError("MalformedPolicyDocument", "Syntax errors in policy.");
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc) || (doc as { Statement?: unknown }).Statement === undefined) {
    throw iamError("MalformedPolicyDocument", "Syntax errors in policy.");
  }
}

const inlineOf = (role: Role, name: string) => {
  const doc = own(role.inlinePolicies ?? {}, name);
  if (doc === undefined) throw iamError("NoSuchEntity", `The role policy with name ${name} cannot be found.`);
  return doc;
};

export function putRolePolicy(world: World, raw: unknown) {
  const input = parseInput(z.object({ RoleName, PolicyName, PolicyDocument: z.string().min(1).max(131072) }), raw);
  const role = findRole(world, input.RoleName, true);
  checkPermissionsPolicy(input.PolicyDocument);
  const policies = { ...(role.inlinePolicies ?? {}) };
  setOwn(policies, input.PolicyName, input.PolicyDocument);
  const size = Object.values(policies).reduce((n, d) => n + d.replace(/\s/g, "").length, 0);
  if (size > MAX_INLINE_CHARS) throw iamError("LimitExceeded", `Maximum policy size of ${MAX_INLINE_CHARS} bytes exceeded for role ${role.name}`);
  role.inlinePolicies = policies;
  return {};
}

export function getRolePolicy(world: World, raw: unknown) {
  const input = parseInput(z.object({ RoleName, PolicyName }), raw);
  const role = findRole(world, input.RoleName, false);
  return { RoleName: role.name, PolicyName: input.PolicyName, PolicyDocument: encodeURIComponent(inlineOf(role, input.PolicyName)) };
}

export function listRolePolicies(world: World, raw: unknown) {
  const input = parseInput(z.object({ RoleName, ...Paging }), raw);
  const role = findRole(world, input.RoleName, false);
  const { items, ...paging } = page(Object.keys(role.inlinePolicies ?? {}).sort(), input);
  return { PolicyNames: items, ...paging };
}

export function deleteRolePolicy(world: World, raw: unknown) {
  const input = parseInput(z.object({ RoleName, PolicyName }), raw);
  const role = findRole(world, input.RoleName, true);
  inlineOf(role, input.PolicyName);
  const { [input.PolicyName]: _gone, ...rest } = role.inlinePolicies ?? {};
  role.inlinePolicies = rest;
  return {};
}
