export { ROLES, RoleSchema, ROLE_SUMMARIES, hasRole, withArticle, type Role } from "./roles";
export { ANONYMOUS, systemActor, type Actor, type Person } from "./actor";
export {
  ACTION_PERMISSIONS, ROUTE_PERMISSIONS, PAGE_PERMISSIONS,
  type Requirement, type EnvironmentVerb, type ActionName, type RouteKey, type PageRoute,
} from "./permissions";
export { decide, decideEnvironment, type Decision } from "./decide";
