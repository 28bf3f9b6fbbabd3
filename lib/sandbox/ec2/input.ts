import { z } from "zod";
import { constraintOf, parseOr } from "../core/input";
import { pageAfter } from "../core/paging";
import { queryInt, queryList } from "../protocols/query";
import { ec2Error } from "./errors";

// EC2's inputs as the ec2Query protocol sends them (`VpcId.1`, `Filter.1.Name`, `Filter.1.Value.1`,
// `MaxResults`), parsed with zod; a malformed member answers InvalidParameterValue.

/** A member's wire name, lists counted from 1 as the protocol does (`Filter.1.Name`). */
const wirePath = (path: PropertyKey[]) => path.map((p) => (typeof p === "number" ? p + 1 : String(p))).join(".");

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  return parseOr(schema, input, (issue) =>
    ec2Error("InvalidParameterValue", `Value (${issue.input === undefined ? "null" : String(issue.input)}) for parameter ${wirePath(issue.path) || "request"} is invalid. ${constraintOf(issue)}`));
}

export const FilterSchema = z.object({ Name: z.string(), Value: queryList(z.string()).optional() });
export type Filter = z.infer<typeof FilterSchema>;

/** Members every paged Describe call takes. */
export const Paged = {
  Filter: queryList(FilterSchema).optional(),
  MaxResults: queryInt().optional(),
  NextToken: z.string().optional(),
};

/**
 * A page of `items` as EC2's Describe calls page: MaxResults 5–1000, an opaque NextToken, and
 * no MaxResults together with ids (`ids.name`, their member name in the message).
 */
export function page<T>(items: T[], input: { MaxResults?: number; NextToken?: string }, ids: { name: string; given: boolean }) {
  const { MaxResults: max, NextToken: token } = input;
  if (max !== undefined && ids.given) {
    throw ec2Error("InvalidParameterCombination", `The parameter ${ids.name} cannot be used with the parameter maxResults`);
  }
  if (max !== undefined && (max < 5 || max > 1000)) {
    throw ec2Error("InvalidParameterValue", `Value ( ${max} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.`);
  }
  return pageAfter(items, token, max ?? items.length + 1, () => ec2Error("InvalidNextToken", "The specified NextToken is not valid."));
}
