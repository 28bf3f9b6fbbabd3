import { ConflictError, NotFoundError, TooLargeError, ValidationError } from "./errors";

/** Typed operation errors as JSON responses for GET route handlers; anything else is a logged 500. */
export function errorResponse(err: unknown): Response {
  if (err instanceof NotFoundError) return Response.json({ ok: false, code: err.code, message: err.message }, { status: 404 });
  if (err instanceof ValidationError) {
    return Response.json({ ok: false, code: err.code, message: err.message, issues: err.issues }, { status: 422 });
  }
  if (err instanceof ConflictError) return Response.json({ ok: false, code: err.code, message: err.message }, { status: 409 });
  if (err instanceof TooLargeError) return Response.json({ ok: false, code: err.code, message: err.message }, { status: 413 });
  console.error("Route handler failed", err);
  return Response.json({ ok: false, code: "INTERNAL", message: "Something went wrong on the server." }, { status: 500 });
}

export function notFound(message = "Not found"): Response {
  return Response.json({ ok: false, code: "NOT_FOUND", message }, { status: 404 });
}
