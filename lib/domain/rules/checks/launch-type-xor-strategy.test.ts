import { describe, expect, it } from "vitest";
import { launchTypeXorStrategy } from "./launch-type-xor-strategy";
import { buildIndex } from "../engine";
import { design, service } from "../test-helpers";

const ctx = { index: buildIndex(design()) };

describe("launch-type-xor-strategy", () => {
  it("accepts a launch type alone or a strategy alone", () => {
    expect(launchTypeXorStrategy.check(service({ launchType: "FARGATE" }), ctx)).toEqual([]);
    expect(launchTypeXorStrategy.check(service({ capacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }] }), ctx)).toEqual([]);
  });
  it("rejects both and offers to drop the launch type", () => {
    const [f] = launchTypeXorStrategy.check(service({
      launchType: "EC2", capacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }],
    }), ctx);
    expect(f.path).toEqual(["launchType"]);
    expect(f.fix?.edits).toEqual([{ path: ["launchType"], value: undefined }]);
  });
});
