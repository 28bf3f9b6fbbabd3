import type { DesignIssue } from "@/lib/domain/design";

/** Errors an operation expects; anything else is a bug and surfaces as INTERNAL. */
export class NotFoundError extends Error {
  readonly code = "NOT_FOUND" as const;
  constructor(message = "Not found") {
    super(message);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends Error {
  readonly code = "CONFLICT" as const;
  /** The version now stored, so a client can tell the user how far behind it is. */
  constructor(readonly currentVersion: number, message?: string) {
    super(message ?? `This design was changed elsewhere and is now at version ${currentVersion}. Reload it before saving.`);
    this.name = "ConflictError";
  }
}

export class ValidationError extends Error {
  readonly code = "VALIDATION" as const;
  constructor(readonly issues: DesignIssue[], message = "The input is not valid") {
    super(message);
    this.name = "ValidationError";
  }
}

export class TooLargeError extends Error {
  readonly code = "TOO_LARGE" as const;
  constructor(readonly bytes: number, readonly limit: number, what = "The design") {
    super(`${what} is ${formatMiB(bytes)}; the limit is ${formatMiB(limit)}.`);
    this.name = "TooLargeError";
  }
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

export type OperationError = NotFoundError | ConflictError | ValidationError | TooLargeError;
