import type { RuleFinding, TaskDefinitionRule } from "../types";
import { requiresFargate } from "../../ecs-facts/task-definition";
import { EPHEMERAL_STORAGE_GIB } from "../../ecs-facts/storage";
import { clamp, listWords, remove } from "./task-definition-util";

// Task storage in the task definition: ephemeral storage, EFS volumes and the one volume
// configured at launch (API reference: EphemeralStorage, EFSVolumeConfiguration,
// EFSAuthorizationConfig, Volume.configuredAtLaunch).

export const ephemeralStorage: TaskDefinitionRule = {
  id: "ephemeral-storage",
  title: "Ephemeral storage is 21–200 GiB, on Fargate",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const size = td.ephemeralStorage?.sizeInGiB;
    if (size === undefined) return [];
    const path = ["ephemeralStorage", "sizeInGiB"];
    const { min, max, free } = EPHEMERAL_STORAGE_GIB;
    const out: RuleFinding[] = [];
    if (size < min || size > max) {
      out.push({
        path,
        message: `Ephemeral storage of ${size} GiB is out of range: ECS takes ${min}–${max} GiB (a Fargate task has ${free} GiB when ephemeralStorage is not set).`,
        fix: size <= free
          ? { description: `Remove ephemeralStorage to keep the ${free} GiB every Fargate task gets.`, edits: [remove(["ephemeralStorage"])] }
          : { description: `Set sizeInGiB to ${clamp(size, min, max)}.`, edits: [{ path, value: clamp(size, min, max) }] },
      });
    }
    if (td.requiresCompatibilities?.length && !requiresFargate(td)) {
      out.push({
        severity: "warning", path: ["ephemeralStorage"],
        message: `ephemeralStorage sizes the scratch space of Fargate tasks; this task definition runs on ${listWords(td.requiresCompatibilities)}, where tasks use the instance's Docker storage instead.`,
        fix: { description: "Remove ephemeralStorage, or add FARGATE to the launch types.", edits: [remove(["ephemeralStorage"])] },
      });
    }
    return out;
  },
};

export const efsVolumes: TaskDefinitionRule = {
  id: "efs-volumes",
  title: "EFS volumes name a file system, and IAM or an access point come with transit encryption",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const out: RuleFinding[] = [];
    td.volumes?.forEach((v, k) => {
      const efs = v.efsVolumeConfiguration;
      if (!efs) return;
      const at = (...rest: string[]) => ["volumes", k, "efsVolumeConfiguration", ...rest];
      if (!efs.fileSystemId?.trim()) {
        out.push({
          path: at("fileSystemId"),
          message: `EFS volume "${v.name}" names no file system: ECS needs fileSystemId (fs-…) to mount it.`,
          fix: { description: "Set fileSystemId to the id of the EFS file system (fs-…)." },
        });
      }
      const auth = efs.authorizationConfig;
      const needs = [auth?.iam === "ENABLED" ? "IAM authorization" : undefined, auth?.accessPointId ? "an access point" : undefined].filter((x): x is string => x !== undefined);
      if (needs.length && efs.transitEncryption !== "ENABLED") {
        out.push({
          path: at("transitEncryption"),
          message: `EFS volume "${v.name}" uses ${needs.join(" and ")}, which ECS only allows with transit encryption: transitEncryption must be ENABLED.`,
          fix: { description: "Set transitEncryption to ENABLED.", edits: [{ path: at("transitEncryption"), value: "ENABLED" }] },
        });
      }
      if (auth?.accessPointId && efs.rootDirectory !== undefined && efs.rootDirectory !== "/") {
        out.push({
          path: at("rootDirectory"),
          message: `EFS volume "${v.name}" mounts through access point ${auth.accessPointId}, whose path is the root: with an access point, rootDirectory must be omitted or "/" (it is "${efs.rootDirectory}").`,
          fix: { description: "Remove rootDirectory (set the directory on the access point instead).", edits: [remove(at("rootDirectory"))] },
        });
      }
      if (efs.transitEncryptionPort !== undefined && efs.transitEncryption !== "ENABLED") {
        out.push({
          severity: "warning", path: at("transitEncryptionPort"),
          message: `EFS volume "${v.name}" sets transitEncryptionPort ${efs.transitEncryptionPort}, but the port is only used for encrypted traffic and transitEncryption is not ENABLED.`,
          fix: { description: "Enable transit encryption, or remove transitEncryptionPort.", edits: [{ path: at("transitEncryption"), value: "ENABLED" }] },
        });
      }
      if (auth?.iam === "ENABLED" && !td.taskRoleArn) {
        out.push({
          severity: "warning", path: at("authorizationConfig", "iam"),
          message: `EFS volume "${v.name}" mounts with IAM authorization, which uses the task role, and this task definition has no taskRoleArn: the file system sees an anonymous client and its policy decides.`,
          fix: { description: "Set taskRoleArn to a role the file system policy allows (elasticfilesystem:ClientMount, ClientWrite)." },
        });
      }
    });
    return out;
  },
};

export const configuredAtLaunch: TaskDefinitionRule = {
  id: "configured-at-launch",
  title: "A task definition has at most one volume configured at launch",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const atLaunch = (td.volumes ?? []).flatMap((v, k) => (v.configuredAtLaunch ? [{ v, k }] : []));
    const out: RuleFinding[] = atLaunch.slice(1).map(({ v, k }) => ({
      path: ["volumes", k, "configuredAtLaunch"],
      message: `Volumes ${listWords(atLaunch.map((x) => `"${x.v.name}"`))} are all configured at launch, but each task definition revision may have only one volume configured at launch (ECS attaches one EBS volume per task).`,
      fix: { description: `Turn configuredAtLaunch off for "${v.name}".`, edits: [remove(["volumes", k, "configuredAtLaunch"])] },
    }));
    for (const { v, k } of atLaunch) {
      const other = v.host?.sourcePath !== undefined ? "host" : v.efsVolumeConfiguration ? "efsVolumeConfiguration" : v.dockerVolumeConfiguration ? "dockerVolumeConfiguration" : v.fsxWindowsFileServerVolumeConfiguration ? "fsxWindowsFileServerVolumeConfiguration" : undefined;
      if (!other) continue;
      out.push({
        path: ["volumes", k, other],
        message: `Volume "${v.name}" is configured at launch (an EBS volume the service or RunTask describes) and also sets ${other}: a volume is one kind of storage.`,
        fix: { description: `Remove ${other}, or turn configuredAtLaunch off.`, edits: [remove(["volumes", k, other])] },
      });
    }
    return out;
  },
};
