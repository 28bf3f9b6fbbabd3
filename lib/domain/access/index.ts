export { ROLES, RoleSchema, ROLE_SUMMARIES, hasRole, withArticle, type Role } from "./roles";
export { ANONYMOUS, personOf, systemActor, type ActingFor, type Actor, type Person } from "./actor";
export {
  ACTION_PERMISSIONS, ROUTE_PERMISSIONS, PAGE_PERMISSIONS,
  type Requirement, type EnvironmentVerb, type ActionName, type RouteKey, type PageRoute,
} from "./permissions";
export { decide, type Decision } from "./decide";
export { decideEnvironment } from "./decide-environment";
export { ENVIRONMENT_ROLES, EnvironmentRoleSchema, ENVIRONMENT_ROLE_SUMMARIES, GRANT_SUBJECT_KINDS, type EnvironmentRole, type Grant, type GrantSubjectKind } from "./grants";
export { approvalTally, decideApproval, isFreshSignIn, FRESH_SIGN_IN_MINUTES, type ApprovalVote } from "./approvals";
export { roleFromGroups, groupsFromClaim, type GroupRoles } from "./sso";
