import { describe, expect, it } from "vitest";
import { platformVersion } from "./platform-version";
import { buildIndex } from "../engine";
import { cluster, design, service } from "../test-helpers";

const ctx = { index: buildIndex(design()), cluster: cluster() };

describe("platform-version", () => {
  it("accepts LATEST and x.y.z on Fargate", () => {
    expect(platformVersion.check(service({ launchType: "FARGATE", platformVersion: "LATEST" }), ctx)).toEqual([]);
    expect(platformVersion.check(service({ launchType: "FARGATE", platformVersion: "1.4.0" }), ctx)).toEqual([]);
  });
  it("rejects a platform version on EC2", () => {
    const [f] = platformVersion.check(service({ launchType: "EC2", platformVersion: "LATEST" }), ctx);
    expect(f.path).toEqual(["platformVersion"]);
    expect(f.message).toContain("must be null");
    expect(f.fix?.edits).toEqual([{ path: ["platformVersion"], value: undefined }]);
  });
  it("rejects a malformed version and offers LATEST", () => {
    const [f] = platformVersion.check(service({ launchType: "FARGATE", platformVersion: "1.4" }), ctx);
    expect(f.fix?.edits).toEqual([{ path: ["platformVersion"], value: "LATEST" }]);
  });
});
