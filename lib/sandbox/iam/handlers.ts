import type { Handlers } from "../core/engine";
import * as roles from "./roles";

// IAM's handler table: the Action of a request → the function of its resource file.
// Anything else answers InvalidAction.
export const IAM_HANDLERS: Handlers = {
  CreateRole: roles.createRole,
  GetRole: roles.getRole,
  ListRoles: roles.listRoles,
  DeleteRole: roles.deleteRole,
  AttachRolePolicy: roles.attachRolePolicy,
  DetachRolePolicy: roles.detachRolePolicy,
  ListAttachedRolePolicies: roles.listAttachedRolePolicies,
  PutRolePolicy: roles.putRolePolicy,
  GetRolePolicy: roles.getRolePolicy,
  ListRolePolicies: roles.listRolePolicies,
  DeleteRolePolicy: roles.deleteRolePolicy,
};
