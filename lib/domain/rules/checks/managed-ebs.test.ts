import { describe, expect, it } from "vitest";
import { managedEbsVolume, storagePlatformVersion } from "./managed-ebs";
import { buildIndex } from "../engine";
import type { ManagedEbsVolume, Service } from "../../design";
import { cluster, design, service, td } from "../test-helpers";

const role = "arn:aws:iam::123456789012:role/ecsInfrastructureRole";
const taskDefinition = td({ volumes: [{ name: "data", configuredAtLaunch: true }] });
const ctx = { index: buildIndex(design()), cluster: cluster(), taskDefinition };
const withEbs = (ebs: ManagedEbsVolume, over: Partial<Service> = {}) =>
  service({ launchType: "FARGATE", volumeConfigurations: [{ name: "data", managedEBSVolume: ebs }], ...over });
const paths = (s: Service) => managedEbsVolume.check(s, ctx).map((f) => f.path.join("."));

describe("managed-ebs-volume", () => {
  it("accepts a gp3 volume for the configuredAtLaunch volume", () => {
    expect(managedEbsVolume.check(withEbs({ roleArn: role, volumeType: "gp3", sizeInGiB: 100, iops: 4000, throughput: 250 }), ctx)).toEqual([]);
    expect(managedEbsVolume.check(withEbs({ roleArn: role, snapshotId: "snap-1", volumeInitializationRate: 100 }), ctx)).toEqual([]);
  });
  it("requires the infrastructure role and a size or snapshot", () => {
    const found = managedEbsVolume.check(withEbs({ volumeType: "gp3" }), ctx);
    expect(found.map((f) => f.path.at(-1))).toEqual(["roleArn", "sizeInGiB"]);
    expect(found[0].fix?.description).toContain("AmazonECSInfrastructureRolePolicyForVolumes");
  });
  it("holds sizes, IOPS and throughput to each volume type's range", () => {
    expect(paths(withEbs({ roleArn: role, volumeType: "st1", sizeInGiB: 100, iops: 500, throughput: 200 }))).toEqual([
      "volumeConfigurations.0.managedEBSVolume.sizeInGiB", "volumeConfigurations.0.managedEBSVolume.iops", "volumeConfigurations.0.managedEBSVolume.throughput",
    ]);
    const [iops] = managedEbsVolume.check(withEbs({ roleArn: role, volumeType: "io2", sizeInGiB: 100 }), ctx);
    expect(iops.message).toContain("requires iops");
    const [big] = managedEbsVolume.check(withEbs({ roleArn: role, volumeType: "gp3", sizeInGiB: 20, iops: 20_000, throughput: 2000 }), ctx);
    expect(big.fix?.edits).toEqual([{ path: ["volumeConfigurations", 0, "managedEBSVolume", "iops"], value: 16_000 }]);
    expect(paths(withEbs({ roleArn: role, volumeType: "standard", sizeInGiB: 2000 }))).toEqual([
      "volumeConfigurations.0.managedEBSVolume.volumeType", "volumeConfigurations.0.managedEBSVolume.sizeInGiB",
    ]);
    expect(paths(withEbs({ roleArn: role, volumeType: "gp4", sizeInGiB: 20 }))).toEqual(["volumeConfigurations.0.managedEBSVolume.volumeType"]);
  });
  it("needs a snapshot for an initialization rate and encryption for a KMS key", () => {
    expect(paths(withEbs({ roleArn: role, sizeInGiB: 20, volumeInitializationRate: 100, kmsKeyId: "alias/x", encrypted: false }))).toEqual([
      "volumeConfigurations.0.managedEBSVolume.volumeInitializationRate", "volumeConfigurations.0.managedEBSVolume.encrypted",
    ]);
  });
  it("matches the task definition's configuredAtLaunch volume by name, both ways", () => {
    const [wrong] = managedEbsVolume.check(service({ volumeConfigurations: [{ name: "logs", managedEBSVolume: { roleArn: role, sizeInGiB: 20 } }] }), ctx);
    expect(wrong.fix?.edits).toEqual([{ path: ["volumeConfigurations", 0, "name"], value: "data" }]);
    const [missing] = managedEbsVolume.check(service(), ctx);
    expect(missing.severity).toBe("warning");
    expect(missing.fix?.edits?.[0].value).toEqual([{ name: "data", managedEBSVolume: { volumeType: "gp3", sizeInGiB: 20 } }]);
    expect(managedEbsVolume.check(service(), { ...ctx, taskDefinition: td() })).toEqual([]);
  });
  it("takes one volume, for REPLICA services on the ECS deployment controller", () => {
    const ebs = { roleArn: role, sizeInGiB: 20 };
    expect(paths(service({
      schedulingStrategy: "DAEMON", deploymentController: { type: "CODE_DEPLOY" },
      volumeConfigurations: [{ name: "data", managedEBSVolume: ebs }, { name: "data", managedEBSVolume: ebs }],
    }))).toEqual(["volumeConfigurations.1", "volumeConfigurations", "deploymentController.type"]);
  });
});

describe("storage-platform-version", () => {
  const efsTd = td({ volumes: [{ name: "shared", efsVolumeConfiguration: { fileSystemId: "fs-1" } }] });
  it("asks for 1.4.0 or later on Fargate when the service mounts EFS or EBS", () => {
    const [f] = storagePlatformVersion.check(service({ launchType: "FARGATE", platformVersion: "1.3.0" }), { ...ctx, taskDefinition: efsTd });
    expect(f.message).toContain("EFS volumes");
    expect(f.fix?.edits).toEqual([{ path: ["platformVersion"], value: "LATEST" }]);
    expect(storagePlatformVersion.check(withEbs({ roleArn: role, sizeInGiB: 20 }, { platformVersion: "1.3.0" }), ctx)).toHaveLength(1);
  });
  it("accepts LATEST, 1.4.0, EC2 and services without such volumes", () => {
    expect(storagePlatformVersion.check(service({ launchType: "FARGATE", platformVersion: "1.4.0" }), { ...ctx, taskDefinition: efsTd })).toEqual([]);
    expect(storagePlatformVersion.check(service({ launchType: "FARGATE", platformVersion: "LATEST" }), { ...ctx, taskDefinition: efsTd })).toEqual([]);
    expect(storagePlatformVersion.check(service({ launchType: "FARGATE", platformVersion: "1.3.0" }), { ...ctx, taskDefinition: td() })).toEqual([]);
  });
});
