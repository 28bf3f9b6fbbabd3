import type { Role } from "./roles";

/**
 * What one server action, route handler or page needs. `anyone`: no sign-in (health, signing in,
 * first-run setup, accepting an invite). Otherwise a global role at least; `environment` adds
 * the check of the environment the request names (lib/domain/access/decide-environment.ts).
 * `does` completes "… needs the editor role" in the refusal, so it reads as a gerund phrase.
 * `record: false`: it changes nothing, so a success is not written to the audit trail (refusals
 * always are). Route handlers for GET change nothing without saying so.
 */
export type Requirement =
  | { who: "anyone"; why: string; record?: false }
  | { who: Role; does: string; environment?: EnvironmentVerb; record?: false; credential?: Credential };

/**
 * What proves who is asking: the session cookie (the default), or for the sandbox's AWS
 * endpoints a personal sandbox access key's SigV4 signature (`access-key`: only that; there a
 * call that is not a read, Describe…/List…/Get…, needs the editor role). The control API takes
 * either (`session-or-access-key`).
 */
export type Credential = "access-key" | "session-or-access-key";

/** What a request does to an environment: plan reads it, apply changes it, approve lets someone else's apply go ahead. */
export type EnvironmentVerb = "plan" | "apply" | "approve";

type Options = { environment?: EnvironmentVerb; record?: false; credential?: Credential };
const anyone = (why: string, o: Pick<Options, "record"> = {}): Requirement => ({ who: "anyone", why, ...o });
const viewer = (does: string, o: Options = {}): Requirement => ({ who: "viewer", does, ...o });
const editor = (does: string, o: Options = {}): Requirement => ({ who: "editor", does, ...o });
const admin = (does: string, o: Options = {}): Requirement => ({ who: "admin", does, ...o });
const READS = { record: false } as const;

/**
 * Every server action (lib/actions/*.ts), by its exported name. `runAction(name, …)` checks the
 * entry before it parses the input; tests/integration/permissions.test.ts fails for an exported
 * action without one, and checks each entry for every role.
 */
export const ACTION_PERMISSIONS = {
  // designs
  createDesignAction: editor("creating designs"),
  saveDesignAction: editor("changing designs"),
  renameDesignAction: editor("changing designs"),
  duplicateDesignAction: editor("creating designs"),
  deleteDesignAction: editor("deleting designs"),
  restoreRevisionAction: editor("changing designs"),
  importDesignAction: editor("creating designs"),
  setContainerImageAction: editor("changing designs"),
  readInfrastructureCodeAction: editor("importing into designs", READS),
  estimateInstancesAction: viewer("pricing designs", READS),
  // environments
  listEnvironmentsForClient: viewer("reading environments", READS),
  createEnvironmentAction: admin("managing environments"),
  updateEnvironmentAction: admin("managing environments"),
  deleteEnvironmentAction: admin("managing environments"),
  testConnectionAction: admin("managing environments", READS),
  addGrantAction: admin("managing environments"),
  removeGrantAction: admin("managing environments"),
  listLiveClustersAction: editor("importing clusters", { environment: "plan", ...READS }),
  importClusterAction: editor("importing clusters", { environment: "plan" }),
  readEnvironmentNetworkAction: editor("picking subnets, security groups and target groups", { environment: "plan", ...READS }),
  // reads the environment's Price List API and keeps the prices every design's cost uses
  refreshPricesAction: editor("refreshing prices", { environment: "plan" }),
  // plan & apply
  planDesignAction: editor("planning designs", { environment: "plan", ...READS }),
  startApplyAction: editor("applying designs", { environment: "apply" }),
  resumeApplyAction: editor("applying designs", { environment: "apply" }),
  // protected environments: request, approve (approvers may be viewers), apply the approved plan
  requestApplyAction: editor("applying designs", { environment: "apply" }),
  approveApplyAction: viewer("approving applies", { environment: "approve" }),
  rejectApplyAction: viewer("approving applies", { environment: "approve" }),
  applyApprovedAction: editor("applying designs", { environment: "apply" }),
  // monitor: an on-call engineer acts on a live service (a deployer of the environment)
  continueServiceDeploymentAction: editor("deploying services", { environment: "apply" }),
  rollBackServiceDeploymentAction: editor("deploying services", { environment: "apply" }),
  forceNewDeploymentAction: editor("deploying services", { environment: "apply" }),
  setDesiredCountAction: editor("deploying services", { environment: "apply" }),
  // The sandbox's simulated load, as its control API (POST /sandbox/control): any editor.
  setSimulatedLoadAction: editor("controlling the sandbox"),
  // a one-off task runs code in the environment as its services do: a deployer of it
  runTaskAction: editor("running tasks", { environment: "apply" }),
  // learn: a lesson creates its design and runs it in the sandbox
  startLessonAction: editor("doing lessons"),
  checkStepAction: editor("doing lessons"),
  showSolutionAction: editor("doing lessons"),
  resetLessonAction: editor("doing lessons"),
  sandboxActionAction: editor("doing lessons"),
  // sign-in and people
  completeSetupAction: anyone("first-run setup: the one-time token is the credential"),
  acceptInviteAction: anyone("accepting an invite: the invite link's token is the credential"),
  invitePersonAction: admin("inviting people"),
  revokeInviteAction: admin("managing people"),
  changeRoleAction: admin("changing roles"),
  removePersonAction: admin("removing people"),
  setGroupsAction: admin("managing people"),
  revokeSessionAction: viewer("signing out your sessions"),
  // single sign-on
  saveSsoProviderAction: admin("configuring single sign-on"),
  deleteSsoProviderAction: admin("configuring single sign-on"),
  confirmPasswordAction: viewer("confirming your password"),
  // Every person's own sandbox access keys (SigV4), on their profile page.
  createAccessKeyAction: viewer("creating your sandbox access keys"),
  revokeAccessKeyAction: viewer("revoking your sandbox access keys"),
} as const satisfies Record<string, Requirement>;

/**
 * Every route handler, as "METHOD /path" with the app router's segment names. `route(key, …)`
 * (lib/server/route.ts) checks the entry before the handler runs.
 */
export const ROUTE_PERMISSIONS = {
  "GET /api/health": anyone("load balancers and Playwright wait on it"),
  // Signing in and out and password changes are recorded as events of their own (auth-endpoint.ts).
  "GET /api/auth/[...all]": anyone("better-auth's own endpoints check the session themselves", READS),
  "POST /api/auth/[...all]": anyone("better-auth's own endpoints check the session themselves", READS),
  "GET /api/designs/[id]": viewer("reading designs"),
  "GET /api/designs/[id]/revisions": viewer("reading designs"),
  "GET /api/designs/[id]/revisions/[version]": viewer("reading designs"),
  "GET /designs/[id]/plan/actions": editor("planning designs", { environment: "plan" }),
  "GET /api/applies/[id]": viewer("reading applies"),
  "GET /api/monitor/figures": viewer("reading the monitor"),
  "GET /api/monitor/[envId]": viewer("reading the monitor"),
  "GET /api/monitor/[envId]/[cluster]": viewer("reading the monitor"),
  "GET /api/monitor/[envId]/[cluster]/history": viewer("reading the monitor"),
  "GET /api/monitor/[envId]/[cluster]/instances": viewer("reading the monitor"),
  "GET /api/monitor/[envId]/[cluster]/schedules": viewer("reading the monitor"),
  "GET /api/monitor/[envId]/[cluster]/services/[service]": viewer("reading the monitor"),
  "GET /api/monitor/[envId]/[cluster]/services/[service]/deployments": viewer("reading the monitor"),
  "GET /api/monitor/[envId]/[cluster]/services/[service]/logs": viewer("reading the monitor"),
  "GET /api/monitor/[envId]/[cluster]/services/[service]/scaling": viewer("reading the monitor"),
  "GET /api/monitor/[envId]/[cluster]/services/[service]/metrics": viewer("reading the monitor"),
  "GET /api/monitor/[envId]/[cluster]/stream": viewer("reading the monitor"),
  "GET /api/monitor/[envId]/[cluster]/run-task": viewer("reading the monitor"),
  "GET /api/monitor/[envId]/[cluster]/tasks/[task]": viewer("reading the monitor"),
  "GET /api/monitor/[envId]/[cluster]/tasks/[task]/exec": viewer("reading the monitor"),
  "GET /learn/[lessonId]/live": viewer("reading lessons"),
  "GET /api/audit": admin("reading the audit trail"),
  // The sandbox's AWS endpoints take requests signed (SigV4) with a personal sandbox access key,
  // so `aws ecs … --endpoint-url` works for people and nobody else: reads for a viewer's key,
  // everything else for an editor's; refusals answer in the AWS protocol's own shape. Mutating
  // calls are recorded as the key's person.
  "POST /sandbox/ecs": viewer("calling the sandbox's AWS APIs", { credential: "access-key" }),
  // The same, for every sandboxed AWS service (ECS, Elastic Load Balancing, EC2) at one endpoint.
  "POST /sandbox/aws": viewer("calling the sandbox's AWS APIs", { credential: "access-key" }),
  // restJson1 services (EventBridge Scheduler) below the same endpoint: reads are GETs.
  "GET /sandbox/aws/[...path]": viewer("calling the sandbox's AWS APIs", { credential: "access-key" }),
  "POST /sandbox/aws/[...path]": viewer("calling the sandbox's AWS APIs", { credential: "access-key" }),
  "PUT /sandbox/aws/[...path]": viewer("calling the sandbox's AWS APIs", { credential: "access-key" }),
  "DELETE /sandbox/aws/[...path]": viewer("calling the sandbox's AWS APIs", { credential: "access-key" }),
  "GET /sandbox/control": viewer("reading the sandbox"),
  "POST /sandbox/control": editor("controlling the sandbox", { credential: "session-or-access-key" }),
} as const satisfies Record<string, Requirement>;

/** Every page (app/**\/page.tsx) by its route; `pageContext(route)` checks it while rendering. */
export const PAGE_PERMISSIONS = {
  "/": viewer("reading designs"),
  "/designs/[id]": viewer("reading designs"),
  "/designs/[id]/canvas": viewer("reading designs"),
  "/designs/[id]/plan": editor("planning designs"),
  "/environments": viewer("reading environments"),
  "/environments/[id]": viewer("reading environments"),
  "/applies/[id]": viewer("reading applies"),
  "/approvals": viewer("reading apply requests"),
  "/monitor": viewer("reading the monitor"),
  "/monitor/[envId]": viewer("reading the monitor"),
  "/monitor/[envId]/[cluster]/[service]": viewer("reading the monitor"),
  "/monitor/[envId]/[cluster]/history": viewer("reading the monitor"),
  "/monitor/figures": viewer("reading the monitor"),
  "/learn": viewer("reading lessons"),
  "/learn/[lessonId]": viewer("reading lessons"),
  "/learn/concepts": viewer("reading lessons"),
  "/learn/lab": viewer("reading lessons"),
  "/learn/lab/registry": viewer("reading lessons"),
  "/learn/lab/vms": viewer("reading lessons"),
  "/people": admin("managing people"),
  "/audit": admin("reading the audit trail"),
  "/settings/sso": admin("configuring single sign-on"),
  "/profile": viewer("your profile"),
  "/sign-in": anyone("signing in"),
  "/setup": anyone("first-run setup"),
  "/invite/[token]": anyone("accepting an invite"),
  // Served only with STEVEDORE_BENCH=1: plain React Flow, no data of the app.
  "/bench/react-flow-baseline": anyone("the canvas benchmark's yardstick"),
} as const satisfies Record<string, Requirement>;

export type ActionName = keyof typeof ACTION_PERMISSIONS;
export type RouteKey = keyof typeof ROUTE_PERMISSIONS;
export type PageRoute = keyof typeof PAGE_PERMISSIONS;
