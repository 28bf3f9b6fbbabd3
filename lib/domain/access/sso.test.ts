import { describe, expect, it } from "vitest";
import { groupsFromClaim, roleFromGroups } from "./sso";

describe("roleFromGroups", () => {
  const mapping = { "eng": "editor", "ops": "admin", "everyone": "viewer" } as const;

  it("gives the highest role of every matching group", () => {
    expect(roleFromGroups(["everyone", "ops", "eng"], mapping, null)).toEqual({ role: "admin", matched: ["everyone", "ops", "eng"] });
    expect(roleFromGroups(["everyone", "eng", "sales"], mapping, null)).toEqual({ role: "editor", matched: ["everyone", "eng"] });
  });

  it("refuses a person in no mapped group unless the provider has a default role", () => {
    expect(roleFromGroups(["sales"], mapping, null)).toEqual({ role: null, matched: [] });
    expect(roleFromGroups([], mapping, "viewer")).toEqual({ role: "viewer", matched: [] });
  });

  it("matches group names exactly, and no inherited property of an object counts", () => {
    expect(roleFromGroups(["Ops", "toString", "__proto__"], mapping, null).role).toBeNull();
  });
});

describe("groupsFromClaim", () => {
  it("reads an array, a string list, and nothing else", () => {
    expect(groupsFromClaim(["a", " b ", "a", 3, ""])).toEqual(["a", "b"]);
    expect(groupsFromClaim("a b,c")).toEqual(["a", "b", "c"]);
    expect(groupsFromClaim({ a: 1 })).toEqual([]);
    expect(groupsFromClaim(undefined)).toEqual([]);
  });
});
