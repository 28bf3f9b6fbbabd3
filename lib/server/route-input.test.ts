import { describe, expect, it } from "vitest";
import { z } from "zod";
import { NotFoundError, ValidationError } from "./errors";
import { queryOf, readRouteInput } from "./route-input";

const spec = {
  schema: z.object({ id: z.uuid(), limit: z.coerce.number().int().min(1).default(10) }),
  ids: ["id"],
  notFound: (r: Record<string, unknown>) => `Thing ${r.id} does not exist`,
};
const id = "00000000-0000-4000-8000-000000000001";
const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

describe("route input", () => {
  it("parses path parameters and query values together", async () => {
    expect(await readRouteInput(spec, new Request("http://x/?limit=5&other=1"), ctx({ id }))).toEqual({ id, limit: 5 });
    expect(queryOf(new Request("http://x/?a=1&a=2&b="))).toEqual({ a: "2" });
  });

  it("a malformed id is a NotFoundError with the route's message; another bad value a ValidationError naming it", async () => {
    await expect(readRouteInput(spec, new Request("http://x/"), ctx({ id: "nope" }))).rejects.toEqual(new NotFoundError("Thing nope does not exist"));
    const err = await readRouteInput(spec, new Request("http://x/?limit=zero"), ctx({ id })).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.issues.map((i: { path: string }) => i.path)).toEqual(["limit"]);
  });

  it("path parameters win over query values of the same name", async () => {
    await expect(readRouteInput(spec, new Request(`http://x/?id=${id}`), ctx({ id: "nope" }))).rejects.toBeInstanceOf(NotFoundError);
  });

});
