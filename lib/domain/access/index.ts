export { ROLES, RoleSchema, ROLE_SUMMARIES, hasRole, withArticle, type Role } from "./roles";
export { ANONYMOUS, personOf, systemActor, type ActingFor, type Actor, type Person } from "./actor";
export {
  ACTION_PERMISSIONS, ROUTE_PERMISSIONS, PAGE_PERMISSIONS,
  type Requirement, type EnvironmentVerb, type ActionName, type RouteKey, type PageRoute,
} from "./permissions";
export { decide, decideEnvironment, type Decision } from "./decide";
export { roleFromGroups, groupsFromClaim, type GroupRoles } from "./sso";
