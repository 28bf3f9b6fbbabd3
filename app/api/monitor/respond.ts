import type { z } from "zod";
import { zodIssues } from "@/lib/domain/design";

export function invalid(error: z.ZodError): Response {
  return Response.json({ ok: false, code: "VALIDATION", message: "The request is not valid", issues: zodIssues(error) }, { status: 422 });
}

/** Query parameters as an object, empty ones left out. */
export function searchParams(req: Request): Record<string, string> {
  return Object.fromEntries([...new URL(req.url).searchParams.entries()].filter(([, v]) => v !== ""));
}
