import type { z } from "zod";

// Every operation of every service parses its input with zod; AWS reports one problem per
// call, so the first issue becomes the service's own validation error.

export type InputIssue = z.core.$ZodIssue;

/** `input` parsed by `schema`, or `fail`'s error for the first problem found. */
export function parseOr<T extends z.ZodType>(schema: T, input: unknown, fail: (issue: InputIssue) => Error): z.infer<T> {
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  throw fail(result.error.issues[0]);
}

/** What AWS's validation messages say a member must be ("Member must have length less than or equal to 32"). */
export function constraintOf(issue: InputIssue): string {
  switch (issue.code) {
    case "too_small":
      return issue.origin === "number" || issue.origin === "int"
        ? `Member must have value greater than or equal to ${issue.minimum}`
        : `Member must have length greater than or equal to ${issue.minimum}`;
    case "too_big":
      return issue.origin === "number" || issue.origin === "int"
        ? `Member must have value less than or equal to ${issue.maximum}`
        : `Member must have length less than or equal to ${issue.maximum}`;
    case "invalid_value":
      return `Member must satisfy enum value set: [${issue.values.join(", ")}]`;
    case "invalid_type":
      return issue.input === undefined ? "Member must not be null" : `Member must be ${issue.expected === "int" ? "an integer" : `a ${issue.expected}`}`;
    default:
      return issue.message;
  }
}
