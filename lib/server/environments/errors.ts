/** Apply was asked of an environment marked read-only: refused on the server, whatever the UI shows. */
export class ReadOnlyEnvironmentError extends Error {
  readonly code = "READ_ONLY" as const;
  constructor(name: string) {
    super(`Environment "${name}" is read-only: plans are allowed, applies are not.`);
    this.name = "ReadOnlyEnvironmentError";
  }
}

/** ECS (or the credential chain) refused a call; the message is ECS's own. */
export class EcsCallError extends Error {
  readonly code = "ECS" as const;
  constructor(readonly ecsName: string, message: string) {
    super(message);
    this.name = "EcsCallError";
  }
}

/** The plan the user approved is no longer what applying would do. */
export class PlanChangedError extends Error {
  readonly code = "PLAN_CHANGED" as const;
  constructor(message = "The design or the account changed since this plan was made. Plan again before applying.") {
    super(message);
    this.name = "PlanChangedError";
  }
}

/** Something about the request cannot be done now (e.g. the built-in sandbox cannot be deleted). */
export class RefusedError extends Error {
  readonly code = "REFUSED" as const;
  constructor(message: string) {
    super(message);
    this.name = "RefusedError";
  }
}

export type EnvironmentOperationError = ReadOnlyEnvironmentError | EcsCallError | PlanChangedError | RefusedError;

export function isEnvironmentOperationError(err: unknown): err is EnvironmentOperationError {
  return err instanceof ReadOnlyEnvironmentError || err instanceof EcsCallError || err instanceof PlanChangedError || err instanceof RefusedError;
}
