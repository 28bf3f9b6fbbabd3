import { z } from "zod";
import {
  EBS_DEFAULT_VOLUME_TYPE, EBS_IOPS, EBS_IOPS_REQUIRED, EBS_NO_IOPS, EBS_SIZE_GIB, EBS_THROUGHPUT_MIB, EPHEMERAL_STORAGE_GIB,
} from "../../domain/ecs-facts/storage";
import { clientError, invalidParameter } from "./errors";
import type { Task, TaskDefinition } from "../core/types";

// Task storage as ECS checks and reports it: RegisterTaskDefinition's volume and ephemeral
// storage checks (ClientException), CreateService/UpdateService volumeConfigurations
// (InvalidParameterException), and each task's managed EBS volume: created with the task,
// attached while it runs, deleted when it stops (DescribeTasks `attachments`, type
// AmazonElasticBlockStorage).

type Json = Record<string, unknown>;

/** RegisterTaskDefinition: ephemeral storage, EFS volumes, the one configuredAtLaunch volume, mount points naming volumes. */
export function checkStorage(input: Json) {
  const size = (input.ephemeralStorage as { sizeInGiB?: number } | undefined)?.sizeInGiB;
  if (size !== undefined && (size < EPHEMERAL_STORAGE_GIB.min || size > EPHEMERAL_STORAGE_GIB.max)) {
    throw clientError(`The ephemeral storage size must be between ${EPHEMERAL_STORAGE_GIB.min} GiB and ${EPHEMERAL_STORAGE_GIB.max} GiB.`);
  }
  const volumes = (input.volumes as Json[] | undefined) ?? [];
  const names = new Set<string>();
  for (const v of volumes) {
    const name = String(v.name ?? "");
    if (names.has(name)) throw clientError(`Duplicate volume name '${name}' in task definition.`);
    names.add(name);
    const efs = v.efsVolumeConfiguration as Json | undefined;
    if (!efs) continue;
    if (!efs.fileSystemId) throw clientError("EFSVolumeConfiguration.fileSystemId should not be null or empty.");
    const auth = (efs.authorizationConfig as Json | undefined) ?? {};
    if ((auth.iam === "ENABLED" || auth.accessPointId) && efs.transitEncryption !== "ENABLED") {
      throw clientError("Transit encryption must be enabled in the EFSVolumeConfiguration when IAM authorization or an access point is used.");
    }
    if (auth.accessPointId && efs.rootDirectory !== undefined && efs.rootDirectory !== "/") {
      throw clientError("The root directory must be omitted or set to '/' when an access point is specified in the authorizationConfig.");
    }
  }
  if (volumes.filter((v) => v.configuredAtLaunch === true).length > 1) {
    throw clientError("Each task definition revision may only have one volume configured at launch.");
  }
  for (const c of (input.containerDefinitions as Json[] | undefined) ?? []) {
    for (const mp of (c.mountPoints as Json[] | undefined) ?? []) {
      const source = mp.sourceVolume as string | undefined;
      if (source !== undefined && !names.has(source)) {
        throw clientError(`Invalid setting for container '${String(c.name)}'. The mount point references an unknown volume '${source}'.`);
      }
    }
  }
}

const EbsSchema = z.looseObject({
  roleArn: z.string().optional(), encrypted: z.boolean().optional(), kmsKeyId: z.string().optional(), volumeType: z.string().optional(),
  sizeInGiB: z.number().int().optional(), snapshotId: z.string().optional(), volumeInitializationRate: z.number().int().optional(),
  iops: z.number().int().optional(), throughput: z.number().int().optional(), filesystemType: z.enum(["ext3", "ext4", "xfs", "ntfs"]).optional(),
  tagSpecifications: z.array(z.looseObject({ resourceType: z.literal("volume") })).optional(),
});
/** volumeConfigurations as Create/UpdateService and RunTask take them (RunTask's also a terminationPolicy, kept as given). */
export const VolumeConfigurationsSchema = z.array(z.looseObject({ name: z.string(), managedEBSVolume: EbsSchema.optional() }));
export type VolumeConfigurations = z.infer<typeof VolumeConfigurationsSchema>;

const range = (what: string, r: { min: number; max: number }, type?: string) =>
  invalidParameter(`The ${what} must be between ${r.min} and ${r.max}${type ? ` for volume type ${type}` : ""}.`);

/** CreateService/UpdateService/RunTask: the volume configurations against the task definition's configuredAtLaunch volume. */
export function checkVolumeConfigurations(configs: VolumeConfigurations, td: TaskDefinition, fargate: boolean, per: "service" | "task" = "service") {
  if (configs.length > 1) throw invalidParameter(`Only one volume configuration is supported per ${per}.`);
  const atLaunch = ((td.body.volumes as Json[] | undefined) ?? []).filter((v) => v.configuredAtLaunch === true).map((v) => v.name);
  for (const c of configs) {
    if (!atLaunch.includes(c.name)) {
      throw invalidParameter(`The volume '${c.name}' in volumeConfigurations does not match a volume configured at launch in task definition ${td.family}:${td.revision}.`);
    }
    const ebs = c.managedEBSVolume;
    if (!ebs) throw invalidParameter("managedEBSVolume must be specified in the volume configuration.");
    if (!ebs.roleArn) throw invalidParameter("roleArn must be specified for managedEBSVolume.");
    const type = ebs.volumeType ?? EBS_DEFAULT_VOLUME_TYPE;
    const size = EBS_SIZE_GIB[type];
    if (!size) throw invalidParameter(`Invalid volume type: ${type}.`);
    if (type === "standard" && fargate) throw invalidParameter("The volume type standard is not supported on Fargate.");
    if (ebs.sizeInGiB === undefined && !ebs.snapshotId) throw invalidParameter("Either sizeInGiB or snapshotId must be specified for managedEBSVolume.");
    if (ebs.sizeInGiB !== undefined && (ebs.sizeInGiB < size.min || ebs.sizeInGiB > size.max)) throw range("volume size in GiB", size, type);
    if (ebs.iops === undefined && EBS_IOPS_REQUIRED.includes(type)) throw invalidParameter(`iops must be specified for volume type ${type}.`);
    if (ebs.iops !== undefined && EBS_NO_IOPS.includes(type)) throw invalidParameter(`iops is not supported for volume type ${type}.`);
    const iops = EBS_IOPS[type];
    if (ebs.iops !== undefined && iops && (ebs.iops < iops.min || ebs.iops > iops.max)) throw range("iops", iops, type);
    if (ebs.throughput !== undefined && type !== "gp3") throw invalidParameter("throughput is only supported for volume type gp3.");
    if (ebs.throughput !== undefined && (ebs.throughput < EBS_THROUGHPUT_MIB.min || ebs.throughput > EBS_THROUGHPUT_MIB.max)) throw range("throughput", EBS_THROUGHPUT_MIB);
    if (ebs.volumeInitializationRate !== undefined && !ebs.snapshotId) throw invalidParameter("volumeInitializationRate can be specified only with a snapshotId.");
  }
}

/** What a task's managed EBS volume is created with (kept on the task: a later service update does not change it). */
type TaskEbsVolume = NonNullable<Task["ebsVolume"]>;

export function ebsVolumeFor(configs: VolumeConfigurations | undefined, volumeId: string): TaskEbsVolume | undefined {
  const c = configs?.[0];
  const ebs = c?.managedEBSVolume;
  if (!c || !ebs) return undefined;
  return {
    name: c.name, volumeId, sizeInGiB: ebs.sizeInGiB, volumeType: ebs.volumeType ?? EBS_DEFAULT_VOLUME_TYPE,
    filesystemType: ebs.filesystemType ?? "xfs", roleArn: ebs.roleArn ?? "",
  };
}

/** A task's EBS attachment as DescribeTasks reports it: attaching while the task provisions, deleted with the task. */
export function ebsAttachment(t: Task) {
  const v = t.ebsVolume;
  if (!v) return undefined;
  const status = t.lastStatus === "STOPPED" ? "DELETED" : t.lastStatus === "PROVISIONING" ? "ATTACHING" : "ATTACHED";
  return {
    id: `ebs-${t.id.slice(0, 17)}`, type: "AmazonElasticBlockStorage", status,
    details: [
      { name: "volumeId", value: v.volumeId }, { name: "volumeName", value: v.name },
      ...(v.sizeInGiB !== undefined ? [{ name: "volumeSizeInGiB", value: String(v.sizeInGiB) }] : []), { name: "volumeType", value: v.volumeType },
      { name: "fileSystemType", value: v.filesystemType }, { name: "deleteOnTermination", value: "true" },
      { name: "roleArn", value: v.roleArn },
    ],
  };
}
