import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  ApplyRunningError, ApprovalRequiredError, AwsCallError, FreshSignInRequiredError, ConflictError, ERRORS, ForbiddenError, NotFoundError, PlanChangedError, PlanHasErrorsError, ReadOnlyEnvironmentError, RefusedError,
  TooLargeError, UnauthenticatedError, UnavailableError, ValidationError, toActionFailure, toErrorResponse, type AppError, type ErrorCode,
} from "./errors";

// One of each class, keyed by its code: a new code without a class here fails the typecheck.
const samples: Record<Exclude<ErrorCode, "INTERNAL">, AppError> = {
  VALIDATION: new ValidationError([{ path: "name", message: "Required" }]),
  UNAUTHENTICATED: new UnauthenticatedError(),
  FORBIDDEN: new ForbiddenError("Changing designs needs the editor role; you are a viewer."),
  NOT_FOUND: new NotFoundError("Design d1 does not exist"),
  CONFLICT: new ConflictError(7),
  PLAN_HAS_ERRORS: new PlanHasErrorsError([{
    ruleId: "service-network", severity: "error", resource: { kind: "service", id: "svc-web", name: "web" },
    path: ["services", 0, "networkConfiguration"], message: "An awsvpc service needs subnets.",
  }]),
  TOO_LARGE: new TooLargeError(2 * 1024 * 1024, 1024 * 1024),
  READ_ONLY: new ReadOnlyEnvironmentError("prod"),
  PLAN_CHANGED: new PlanChangedError(),
  REFUSED: new RefusedError("Nothing to apply"),
  APPLY_RUNNING: new ApplyRunningError("3f1c2b9e-0000-4000-8000-000000000001", new Date("2026-12-03T09:00:00Z")),
  APPROVAL_REQUIRED: new ApprovalRequiredError("This apply needs 1 approval."),
  FRESH_SIGN_IN_REQUIRED: new FreshSignInRequiredError(10),
  AWS: new AwsCallError("ecs", "ClusterNotFoundException", "Cluster not found."),
  UNAVAILABLE: new UnavailableError("The database is not available"),
};

afterEach(() => vi.restoreAllMocks());

describe("the error table", () => {
  it("gives every code an HTTP error status, INTERNAL 500", () => {
    for (const { status } of Object.values(ERRORS)) {
      expect(Number.isInteger(status)).toBe(true);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
    expect(ERRORS.INTERNAL.status).toBe(500);
    expect(Object.keys(samples).sort()).toEqual(Object.keys(ERRORS).filter((c) => c !== "INTERNAL").sort());
  });

  it.each(Object.entries(samples))("maps %s to its code and status through both functions", async (code, err) => {
    expect(err.code).toBe(code);
    const failure = toActionFailure(err);
    expect(failure).toMatchObject({ ok: false, code, message: err.message });
    const res = toErrorResponse(err);
    expect(res.status).toBe(ERRORS[code as ErrorCode].status);
    expect(await res.json()).toEqual(failure);
  });

  it("keeps the statuses routes answered before the table", () => {
    expect(Object.fromEntries(Object.entries(samples).map(([code, err]) => [code, toErrorResponse(err).status]))).toMatchObject({
      UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, VALIDATION: 422, CONFLICT: 409, TOO_LARGE: 413, AWS: 502, UNAVAILABLE: 503,
    });
  });

  it("carries issues: a validation's own, a conflict's stored version", () => {
    expect(toActionFailure(samples.VALIDATION).issues).toEqual([{ path: "name", message: "Required" }]);
    expect(toActionFailure(samples.CONFLICT).issues).toEqual([{ path: "expectedVersion", message: "The stored version is 7" }]);
    expect(toActionFailure(samples.APPLY_RUNNING)).toMatchObject({
      code: "APPLY_RUNNING", issues: [{ path: "runningApplyId", message: "3f1c2b9e-0000-4000-8000-000000000001" }],
      message: expect.stringContaining("apply 3f1c2b9e-0000-4000-8000-000000000001"),
    });
    expect(toActionFailure(samples.NOT_FOUND)).not.toHaveProperty("issues");
  });

  it("turns a failed request schema into VALIDATION with the fields that failed", () => {
    const parsed = z.object({ id: z.string() }).safeParse({ id: 1 });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(toActionFailure(ValidationError.ofRequest(parsed.error))).toMatchObject({
        code: "VALIDATION", message: "The request is not valid", issues: [{ path: "id" }],
      });
    }
  });

  it("shows AWS's exception name and message, and keeps the service", () => {
    const err = samples.AWS as AwsCallError;
    expect(err.message).toBe("ClusterNotFoundException: Cluster not found.");
    expect(err).toMatchObject({ service: "ecs", errorName: "ClusterNotFoundException" });
  });

  it("answers an unexpected error with INTERNAL / 500, logging the details without leaking them", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const boom = new Error("connection reset by peer at 10.0.0.5");
    const failure = toActionFailure(boom);
    expect(failure).toMatchObject({ ok: false, code: "INTERNAL" });
    expect(failure.message).not.toMatch(/connection reset|10\.0\.0\.5/);
    const res = toErrorResponse("a thrown string");
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, code: "INTERNAL" });
    expect(JSON.stringify(body)).not.toMatch(/thrown string/);
    expect(log).toHaveBeenCalledWith(expect.any(String), boom);
    expect(log).toHaveBeenCalledTimes(2);
  });
});
