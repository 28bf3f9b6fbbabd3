import { describe, expect, it } from "vitest";
import { taskDefinitionSize } from "./task-definition-size";
import { container, td } from "../test-helpers";

const withEnv = (bytes: number, char = "x") => td({ containerDefinitions: [container({ environment: [{ name: "BIG", value: char.repeat(bytes) }] })] });

describe("task-definition-size", () => {
  it("accepts a task definition under 64 KiB", () => {
    expect(taskDefinitionSize.check(td())).toEqual([]);
    expect(taskDefinitionSize.check(withEnv(60_000))).toEqual([]);
  });
  it("rejects one over 64 KiB, counting UTF-8 bytes", () => {
    const [f] = taskDefinitionSize.check(withEnv(70_000));
    expect(f.path).toEqual([]);
    // "é" is one UTF-16 unit but two UTF-8 bytes: 30,000 of them fit, 33,000 (66,000 bytes) do not.
    expect(taskDefinitionSize.check(withEnv(30_000, "é"))).toEqual([]);
    expect(taskDefinitionSize.check(withEnv(33_000, "é"))).toHaveLength(1);
  });
});
