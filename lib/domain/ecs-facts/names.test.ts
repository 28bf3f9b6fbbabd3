import { describe, expect, it } from "vitest";
import { ECS_NAME_PATTERN, MAX_NAME_LENGTH, toEcsName } from "./names";

describe("ECS names", () => {
  it("accepts 1–255 letters, digits, hyphens and underscores", () => {
    expect(ECS_NAME_PATTERN.test("web_API-2")).toBe(true);
    expect(ECS_NAME_PATTERN.test("x".repeat(MAX_NAME_LENGTH))).toBe(true);
    for (const bad of ["", "x".repeat(MAX_NAME_LENGTH + 1), "web api", "web.api", "wéb"]) expect(ECS_NAME_PATTERN.test(bad)).toBe(false);
  });
  it("turns a name into the closest one ECS accepts", () => {
    expect(toEcsName("  my web.app  ")).toBe("my-web-app");
    expect(toEcsName("x".repeat(300))).toBe("x".repeat(MAX_NAME_LENGTH));
    expect(toEcsName("…")).toBeUndefined();
    expect(toEcsName("")).toBeUndefined();
  });
});
