import { describe, expect, it } from "vitest";
import { configuredAtLaunch, efsVolumes, ephemeralStorage } from "./task-storage";
import { td } from "../test-helpers";

const fargate = { requiresCompatibilities: ["FARGATE" as const], networkMode: "awsvpc" as const, cpu: "256", memory: "512" };

describe("ephemeral-storage", () => {
  it("accepts 21–200 GiB on Fargate, and no setting at all", () => {
    expect(ephemeralStorage.check(td({ ...fargate, ephemeralStorage: { sizeInGiB: 21 } }))).toEqual([]);
    expect(ephemeralStorage.check(td({ ...fargate, ephemeralStorage: { sizeInGiB: 200 } }))).toEqual([]);
    expect(ephemeralStorage.check(td(fargate))).toEqual([]);
  });
  it("refuses sizes out of range, removing a size at or below the free 20 GiB and clamping a large one", () => {
    const [low] = ephemeralStorage.check(td({ ...fargate, ephemeralStorage: { sizeInGiB: 20 } }));
    expect(low.path).toEqual(["ephemeralStorage", "sizeInGiB"]);
    expect(low.message).toContain("21–200 GiB");
    expect(low.fix?.edits).toEqual([{ path: ["ephemeralStorage"], value: undefined }]);
    const [high] = ephemeralStorage.check(td({ ...fargate, ephemeralStorage: { sizeInGiB: 500 } }));
    expect(high.fix?.edits).toEqual([{ path: ["ephemeralStorage", "sizeInGiB"], value: 200 }]);
  });
  it("warns that EC2-only task definitions do not use it", () => {
    const [f] = ephemeralStorage.check(td({ requiresCompatibilities: ["EC2"], ephemeralStorage: { sizeInGiB: 30 } }));
    expect(f.severity).toBe("warning");
    expect(f.path).toEqual(["ephemeralStorage"]);
  });
});

describe("efs-volumes", () => {
  it("accepts an access point with IAM and transit encryption", () => {
    expect(efsVolumes.check(td({
      taskRoleArn: "arn:aws:iam::123456789012:role/app",
      volumes: [{ name: "shared", efsVolumeConfiguration: { fileSystemId: "fs-1234", transitEncryption: "ENABLED", authorizationConfig: { accessPointId: "fsap-1", iam: "ENABLED" } } }],
    }))).toEqual([]);
  });
  it("asks for transit encryption with IAM or an access point, and a root directory of / with an access point", () => {
    const found = efsVolumes.check(td({
      taskRoleArn: "arn:aws:iam::123456789012:role/app",
      volumes: [{ name: "shared", efsVolumeConfiguration: { fileSystemId: "fs-1234", rootDirectory: "/data", authorizationConfig: { accessPointId: "fsap-1", iam: "ENABLED" } } }],
    }));
    expect(found.map((f) => f.path)).toEqual([
      ["volumes", 0, "efsVolumeConfiguration", "transitEncryption"],
      ["volumes", 0, "efsVolumeConfiguration", "rootDirectory"],
    ]);
    expect(found[0].message).toContain("IAM authorization and an access point");
    expect(found[0].fix?.edits).toEqual([{ path: ["volumes", 0, "efsVolumeConfiguration", "transitEncryption"], value: "ENABLED" }]);
    expect(found[1].fix?.edits).toEqual([{ path: ["volumes", 0, "efsVolumeConfiguration", "rootDirectory"], value: undefined }]);
  });
  it("needs a file system id, and warns about IAM without a task role", () => {
    const found = efsVolumes.check(td({ volumes: [{ name: "shared", efsVolumeConfiguration: { fileSystemId: " ", transitEncryption: "ENABLED", authorizationConfig: { iam: "ENABLED" } } }] }));
    expect(found.map((f) => [f.path.at(-1), f.severity ?? "error"])).toEqual([["fileSystemId", "error"], ["iam", "warning"]]);
  });
});

describe("configured-at-launch", () => {
  it("accepts one volume configured at launch", () => {
    expect(configuredAtLaunch.check(td({ volumes: [{ name: "ebs", configuredAtLaunch: true }, { name: "scratch" }] }))).toEqual([]);
  });
  it("allows only one, and no other kind of storage on it", () => {
    const found = configuredAtLaunch.check(td({ volumes: [{ name: "a", configuredAtLaunch: true }, { name: "b", configuredAtLaunch: true, efsVolumeConfiguration: { fileSystemId: "fs-1" } }] }));
    expect(found.map((f) => f.path)).toEqual([["volumes", 1, "configuredAtLaunch"], ["volumes", 1, "efsVolumeConfiguration"]]);
    expect(found[0].message).toContain("only one volume configured at launch");
    expect(found[0].fix?.edits).toEqual([{ path: ["volumes", 1, "configuredAtLaunch"], value: undefined }]);
  });
});
