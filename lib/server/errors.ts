import type { z } from "zod";
import { formatPath, zodIssues, type DesignIssue } from "@/lib/domain/design";
import { findingLines, validatorErrorCount } from "@/lib/domain/plan";
import type { Finding } from "@/lib/domain/rules";

/**
 * The one error family. Each code answers an HTTP route with its status and a server action with
 * `{ ok: false, code, message, issues? }`; the UI may branch on the code, so codes are stable.
 */
export const ERRORS = {
  VALIDATION: { status: 422 },
  // Nobody is signed in (or the session ended): sign in and try again.
  UNAUTHENTICATED: { status: 401 },
  // Signed in, but the person's role does not allow this; or the request came from another site.
  FORBIDDEN: { status: 403 },
  NOT_FOUND: { status: 404 },
  CONFLICT: { status: 409 },
  // The design has validator errors and the person did not choose to apply anyway.
  PLAN_HAS_ERRORS: { status: 422 },
  TOO_LARGE: { status: 413 },
  READ_ONLY: { status: 403 },
  PLAN_CHANGED: { status: 409 },
  REFUSED: { status: 409 },
  APPLY_RUNNING: { status: 409 },
  // The environment is protected: this apply needs approvals of its exact plan first.
  APPROVAL_REQUIRED: { status: 409 },
  // Applying to a protected environment needs a sign-in in the last minutes: confirm the password.
  FRESH_SIGN_IN_REQUIRED: { status: 403 },
  // The account's AWS answered with an error: our request was relayed, the upstream failed.
  AWS: { status: 502 },
  UNAVAILABLE: { status: 503 },
  INTERNAL: { status: 500 },
} as const satisfies Record<string, { status: number }>;

export type ErrorCode = keyof typeof ERRORS;
export type ErrorIssue = DesignIssue;
export type ErrorBody = { ok: false; code: ErrorCode; message: string; issues?: ErrorIssue[] };

/** Errors an operation expects; anything else is a bug and surfaces as INTERNAL. */
export abstract class AppError extends Error {
  abstract readonly code: Exclude<ErrorCode, "INTERNAL">;
  // Each class names itself with a literal: bundlers may shorten class names, logs should not.
  abstract readonly name: string;
  /** Per-field detail the UI can show beside the inputs. */
  declare readonly issues?: ErrorIssue[];

  constructor(message: string) {
    super(message);
  }
}

export class NotFoundError extends AppError {
  readonly code = "NOT_FOUND";
  readonly name = "NotFoundError";
  constructor(message = "Not found") {
    super(message);
  }
}

/** The request needs a signed-in person and carries no valid session. */
export class UnauthenticatedError extends AppError {
  readonly code = "UNAUTHENTICATED";
  readonly name = "UnauthenticatedError";
  constructor(message = "Sign in to do this.") {
    super(message);
  }
}

/** The signed-in person may not do this (their role), or the request is not from this site (CSRF). */
export class ForbiddenError extends AppError {
  readonly code = "FORBIDDEN";
  readonly name = "ForbiddenError";
}

export class ConflictError extends AppError {
  readonly code = "CONFLICT";
  readonly name = "ConflictError";
  readonly issues: ErrorIssue[];
  /** The version now stored, so a client can tell the user how far behind it is. */
  constructor(readonly currentVersion: number, message?: string) {
    super(message ?? `This design was changed elsewhere and is now at version ${currentVersion}. Reload it before saving.`);
    this.issues = [{ path: "expectedVersion", message: `The stored version is ${currentVersion}` }];
  }
}

export class ValidationError extends AppError {
  readonly code = "VALIDATION";
  readonly name = "ValidationError";
  constructor(readonly issues: ErrorIssue[], message = "The input is not valid") {
    super(message);
  }

  /** A request (action input, route parameters) that failed its schema. */
  static ofRequest(error: z.ZodError): ValidationError {
    return new ValidationError(zodIssues(error), "The request is not valid");
  }
}

export class TooLargeError extends AppError {
  readonly code = "TOO_LARGE";
  readonly name = "TooLargeError";
  constructor(readonly bytes: number, readonly limit: number, what = "The design") {
    super(`${what} is ${formatMiB(bytes)}; the limit is ${formatMiB(limit)}.`);
  }
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/** Apply was asked of an environment marked read-only: refused on the server, whatever the UI shows. */
export class ReadOnlyEnvironmentError extends AppError {
  readonly code = "READ_ONLY";
  readonly name = "ReadOnlyEnvironmentError";
  constructor(name: string) {
    super(`Environment "${name}" is read-only: plans are allowed, applies are not.`);
  }
}

/** The plan the user approved is no longer what applying would do. */
export class PlanChangedError extends AppError {
  readonly code = "PLAN_CHANGED";
  readonly name = "PlanChangedError";
  constructor(message = "The design or the account changed since this plan was made. Plan again before applying.") {
    super(message);
  }
}

/** Something about the request cannot be done now (e.g. the built-in sandbox cannot be deleted). */
export class RefusedError extends AppError {
  readonly code = "REFUSED";
  readonly name = "RefusedError";
}

/**
 * Another apply of the same design to the same environment is running (on this or another server
 * instance): only one may run at a time. Names it, so the UI can show its progress instead.
 */
export class ApplyRunningError extends AppError {
  readonly code = "APPLY_RUNNING";
  readonly name = "ApplyRunningError";
  readonly issues: ErrorIssue[];
  constructor(readonly runningApplyId: string, startedAt: Date) {
    super(`Another apply of this design to this environment is running (apply ${runningApplyId}, started ${startedAt.toISOString()}). Wait for it to finish; if its server stopped, it is reported as interrupted and can be resumed.`);
    this.issues = [{ path: "runningApplyId", message: runningApplyId }];
  }
}

/**
 * The environment is protected: an apply there runs only a plan that enough approvers (other
 * than the requester) approved, not expired, and only while that plan is still what applying
 * would do.
 */
export class ApprovalRequiredError extends AppError {
  readonly code = "APPROVAL_REQUIRED";
  readonly name = "ApprovalRequiredError";
}

/**
 * Applying to a protected environment needs a recent sign-in (or a confirmed password); the
 * UI answers this code with a "confirm your password" dialog and tries again.
 */
export class FreshSignInRequiredError extends AppError {
  readonly code = "FRESH_SIGN_IN_REQUIRED";
  readonly name = "FreshSignInRequiredError";
  constructor(minutes: number) {
    super(`Applying to a protected environment needs a sign-in within the last ${minutes} minutes. Confirm your password to go on.`);
  }
}

/** An AWS service (or the credential chain) refused a call; the user sees AWS's own name and message. */
export class AwsCallError extends AppError {
  readonly code = "AWS";
  readonly name = "AwsCallError";
  constructor(
    /** The SDK client's service, e.g. "ecs". */
    readonly service: string,
    /** AWS's exception name, e.g. "ClusterNotFoundException". */
    readonly errorName: string,
    readonly awsMessage: string,
  ) {
    super(`${errorName}: ${awsMessage}`);
  }
}

/** Something the app depends on (the database) is not answering; worth retrying later. */
export class UnavailableError extends AppError {
  readonly code = "UNAVAILABLE";
  readonly name = "UnavailableError";
}

/**
 * The plan's design has the validator's error findings (what ECS would refuse): it is not applied
 * unless the person explicitly chooses to apply anyway. Each finding is an issue, at its path.
 */
export class PlanHasErrorsError extends AppError {
  readonly code = "PLAN_HAS_ERRORS";
  readonly name = "PlanHasErrorsError";
  readonly issues: ErrorIssue[];
  constructor(readonly findings: Finding[], advice = "Fix them and plan again, or choose to apply anyway.") {
    super(`Not applied: ${validatorErrorCount(findings.length)}, which ECS would refuse. ${findingLines(findings).join(" ")} ${advice}`);
    this.issues = findings.map((f) => ({ path: formatPath(f.path), message: f.message }));
  }
}

/** The body both a server action and a route handler answer with; unexpected errors are logged, not shown. */
function failure(err: unknown, where: string): ErrorBody {
  if (err instanceof AppError) return { ok: false, code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) };
  // Details of unexpected failures (SQL, stack traces) stay in the server log.
  console.error(where, err);
  return { ok: false, code: "INTERNAL", message: "Something went wrong on the server. Please try again." };
}

export function toActionFailure(err: unknown): ErrorBody {
  return failure(err, "Server action failed");
}

export function toErrorResponse(err: unknown): Response {
  const body = failure(err, "Route handler failed");
  return Response.json(body, { status: ERRORS[body.code].status });
}
