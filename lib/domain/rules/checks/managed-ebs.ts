import type { ManagedEbsVolume, Service, TaskDefinition } from "../../design";
import type { PathSegment, RuleFinding, ServiceRule } from "../types";
import {
  EBS_DEFAULT_VOLUME_TYPE, EBS_INFRASTRUCTURE_POLICY, EBS_IOPS, EBS_IOPS_REQUIRED, EBS_NO_IOPS, EBS_SIZE_GIB,
  EBS_THROUGHPUT_MIB, STORAGE_MIN_PLATFORM_VERSION,
} from "../../ecs-facts/storage";
import { PLATFORM_VERSION_PATTERN, platformVersionAtLeast } from "../../ecs-facts/service";
import { describeLaunch, launchOf } from "./service-util";
import { clamp, listWords } from "./task-definition-util";

// A service's managed EBS volume (CreateService volumeConfigurations, ServiceManagedEBSVolumeConfiguration):
// one per task, for the task definition's configuredAtLaunch volume, REPLICA services on the ECS
// deployment controller only, sizes and performance per EBS volume type.

const atLaunchVolumes = (td: TaskDefinition | undefined) => (td?.volumes ?? []).filter((v) => v.configuredAtLaunch).map((v) => v.name);

function checkVolume(ebs: ManagedEbsVolume, at: (...p: PathSegment[]) => PathSegment[], fargate: boolean): RuleFinding[] {
  const out: RuleFinding[] = [];
  const type = ebs.volumeType ?? EBS_DEFAULT_VOLUME_TYPE;
  if (!ebs.roleArn) {
    out.push({
      path: at("roleArn"),
      message: `ECS creates, attaches and deletes each task's EBS volume with an infrastructure role, and roleArn is required: without it CreateService fails.`,
      fix: { description: `Set roleArn to an IAM role ECS can assume (ecs.amazonaws.com) with the ${EBS_INFRASTRUCTURE_POLICY} managed policy.` },
    });
  }
  const size = EBS_SIZE_GIB[type];
  if (!size) {
    out.push({
      path: at("volumeType"),
      message: `"${type}" is not an EBS volume type; ECS takes ${listWords(Object.keys(EBS_SIZE_GIB))}.`,
      fix: { description: `Use ${EBS_DEFAULT_VOLUME_TYPE} (general purpose SSD).`, edits: [{ path: at("volumeType"), value: EBS_DEFAULT_VOLUME_TYPE }] },
    });
    return out;
  }
  if (type === "standard" && fargate) {
    out.push({
      path: at("volumeType"),
      message: "The magnetic (standard) EBS volume type is not supported on Fargate.",
      fix: { description: `Use ${EBS_DEFAULT_VOLUME_TYPE}.`, edits: [{ path: at("volumeType"), value: EBS_DEFAULT_VOLUME_TYPE }] },
    });
  }
  if (ebs.sizeInGiB === undefined && !ebs.snapshotId) {
    out.push({
      path: at("sizeInGiB"),
      message: "ECS needs the size of each task's EBS volume: set sizeInGiB, or a snapshotId to size it from the snapshot.",
      fix: { description: `Set sizeInGiB (${size.min}–${size.max} GiB for ${type}).`, edits: [{ path: at("sizeInGiB"), value: Math.max(size.min, 20) }] },
    });
  } else if (ebs.sizeInGiB !== undefined && (ebs.sizeInGiB < size.min || ebs.sizeInGiB > size.max)) {
    const value = clamp(ebs.sizeInGiB, size.min, size.max);
    out.push({
      path: at("sizeInGiB"),
      message: `A ${type} volume is ${size.min}–${size.max.toLocaleString("en-US")} GiB; ${ebs.sizeInGiB} GiB is out of range.`,
      fix: { description: `Set sizeInGiB to ${value}.`, edits: [{ path: at("sizeInGiB"), value }] },
    });
  }
  const iops = EBS_IOPS[type];
  if (ebs.iops === undefined && EBS_IOPS_REQUIRED.includes(type)) {
    out.push({
      path: at("iops"),
      message: `A ${type} volume is provisioned IOPS: ECS requires iops (${iops.min}–${iops.max.toLocaleString("en-US")}) for io1 and io2.`,
      fix: { description: `Set iops, e.g. ${Math.max(iops.min, 3000)}.`, edits: [{ path: at("iops"), value: Math.max(iops.min, 3000) }] },
    });
  } else if (ebs.iops !== undefined && EBS_NO_IOPS.includes(type)) {
    out.push({
      path: at("iops"),
      message: `iops is not supported for ${type} volumes (only gp3, io1 and io2 provision IOPS).`,
      fix: { description: "Remove iops, or use gp3.", edits: [{ path: at("iops"), value: undefined }] },
    });
  } else if (ebs.iops !== undefined && iops && (ebs.iops < iops.min || ebs.iops > iops.max)) {
    const value = clamp(ebs.iops, iops.min, iops.max);
    out.push({
      path: at("iops"),
      message: `A ${type} volume takes ${iops.min.toLocaleString("en-US")}–${iops.max.toLocaleString("en-US")} IOPS; ${ebs.iops} is out of range.`,
      fix: { description: `Set iops to ${value}.`, edits: [{ path: at("iops"), value }] },
    });
  }
  if (ebs.throughput !== undefined && type !== "gp3") {
    out.push({
      path: at("throughput"),
      message: `throughput is only supported for gp3 volumes; this one is ${type}.`,
      fix: { description: "Remove throughput, or use gp3.", edits: [{ path: at("throughput"), value: undefined }] },
    });
  } else if (ebs.throughput !== undefined && (ebs.throughput < EBS_THROUGHPUT_MIB.min || ebs.throughput > EBS_THROUGHPUT_MIB.max)) {
    const value = clamp(ebs.throughput, EBS_THROUGHPUT_MIB.min, EBS_THROUGHPUT_MIB.max);
    out.push({
      path: at("throughput"),
      message: `gp3 throughput is ${EBS_THROUGHPUT_MIB.min}–${EBS_THROUGHPUT_MIB.max.toLocaleString("en-US")} MiB/s; ${ebs.throughput} is out of range.`,
      fix: { description: `Set throughput to ${value}.`, edits: [{ path: at("throughput"), value }] },
    });
  }
  if (ebs.volumeInitializationRate !== undefined && !ebs.snapshotId) {
    out.push({
      path: at("volumeInitializationRate"),
      message: "volumeInitializationRate is how fast a volume is filled from its snapshot, so it can be specified only with a snapshotId.",
      fix: { description: "Remove volumeInitializationRate, or set snapshotId.", edits: [{ path: at("volumeInitializationRate"), value: undefined }] },
    });
  }
  if (ebs.kmsKeyId && ebs.encrypted === false) {
    out.push({
      path: at("encrypted"),
      message: "A KMS key encrypts the volume, but encrypted is false: EBS needs the encrypted state true when a KmsKeyId is given.",
      fix: { description: "Set encrypted to true (or remove kmsKeyId).", edits: [{ path: at("encrypted"), value: true }] },
    });
  }
  return out;
}

export const managedEbsVolume: ServiceRule = {
  id: "managed-ebs-volume",
  title: "A service's managed EBS volume matches its task definition's configuredAtLaunch volume, with valid EBS settings",
  severity: "error",
  scope: "service",
  check(service: Service, { taskDefinition, cluster }) {
    const configs = service.volumeConfigurations ?? [];
    const out: RuleFinding[] = [];
    const names = atLaunchVolumes(taskDefinition);
    if (configs.length === 0) {
      if (taskDefinition && names.length && service.schedulingStrategy !== "DAEMON") {
        out.push({
          severity: "warning", path: ["volumeConfigurations"],
          message: `Task definition "${taskDefinition.family}" defers volume "${names[0]}" to launch (configuredAtLaunch), and this service gives no volumeConfigurations entry for it: its tasks get no EBS volume there.`,
          fix: {
            description: `Add a managed EBS volume named "${names[0]}" (size, type and the infrastructure role).`,
            edits: [{ path: ["volumeConfigurations"], value: [{ name: names[0], managedEBSVolume: { volumeType: EBS_DEFAULT_VOLUME_TYPE, sizeInGiB: 20 } }] }],
          },
        });
      }
      return out;
    }
    if (configs.length > 1) {
      out.push({
        path: ["volumeConfigurations", 1],
        message: `ECS attaches one EBS volume per task, so a service takes one volumeConfigurations entry; this one has ${configs.length}.`,
        fix: { description: `Keep only "${configs[0].name}".`, edits: [{ path: ["volumeConfigurations"], value: [configs[0]] }] },
      });
    }
    if (service.schedulingStrategy === "DAEMON") {
      out.push({
        path: ["volumeConfigurations"],
        message: "volumeConfigurations is only supported for REPLICA services, not DAEMON services.",
        fix: { description: "Remove the managed EBS volume, or use the REPLICA scheduling strategy.", edits: [{ path: ["volumeConfigurations"], value: undefined }] },
      });
    }
    const controller = service.deploymentController?.type;
    if (controller === "CODE_DEPLOY" || controller === "EXTERNAL") {
      out.push({
        path: ["deploymentController", "type"],
        message: `Managed EBS volumes need the ECS deployment controller; ECS does not attach them to tasks of a ${controller} service.`,
        fix: { description: "Use the ECS deployment controller (rolling, blue/green, linear or canary strategies).", edits: [{ path: ["deploymentController"], value: { type: "ECS" } }] },
      });
    }
    const launch = launchOf(service, cluster);
    configs.forEach((c, i) => {
      if (taskDefinition && !names.includes(c.name)) {
        const same = taskDefinition.volumes?.some((v) => v.name === c.name);
        out.push({
          path: ["volumeConfigurations", i, "name"],
          message: same
            ? `Volume "${c.name}" of task definition "${taskDefinition.family}" is not configuredAtLaunch, so ECS has nowhere to attach this EBS volume.`
            : `volumeConfigurations names "${c.name}", but task definition "${taskDefinition.family}" has no volume configured at launch of that name${names.length ? ` (it has "${names[0]}")` : ""}; the name must match.`,
          fix: names.length
            ? { description: `Name it "${names[0]}".`, edits: [{ path: ["volumeConfigurations", i, "name"], value: names[0] }] }
            : { description: `Add a volume "${c.name}" with configuredAtLaunch to task definition "${taskDefinition.family}", or remove this entry.` },
        });
      }
      if (!c.managedEBSVolume) {
        out.push({
          path: ["volumeConfigurations", i, "managedEBSVolume"],
          message: `Volume configuration "${c.name}" has no managedEBSVolume: the only storage ECS configures at launch is an EBS volume.`,
          fix: { description: "Describe the EBS volume (size, type, infrastructure role)." },
        });
        return;
      }
      out.push(...checkVolume(c.managedEBSVolume, (...p) => ["volumeConfigurations", i, "managedEBSVolume", ...p], launch?.kind === "FARGATE"));
    });
    if (launch && launch.kind !== "FARGATE" && launch.kind !== "EC2" && launch.kind !== "MANAGED_INSTANCES") {
      out.push({
        path: ["volumeConfigurations"],
        message: `Managed EBS volumes attach to tasks on Fargate, EC2 and ECS Managed Instances; this service runs on ${describeLaunch(launch)}.`,
        fix: { description: "Remove the managed EBS volume.", edits: [{ path: ["volumeConfigurations"], value: undefined }] },
      });
    }
    return out;
  },
};

export const storagePlatformVersion: ServiceRule = {
  id: "storage-platform-version",
  title: "EFS and EBS volumes on Fargate need platform version 1.4.0 or later",
  severity: "error",
  scope: "service",
  check(service, { taskDefinition, cluster }) {
    const v = service.platformVersion;
    if (!v || !PLATFORM_VERSION_PATTERN.test(v) || platformVersionAtLeast(v, STORAGE_MIN_PLATFORM_VERSION)) return [];
    if (launchOf(service, cluster)?.kind !== "FARGATE") return [];
    const uses = [
      taskDefinition?.volumes?.some((x) => x.efsVolumeConfiguration) ? "EFS volumes" : undefined,
      service.volumeConfigurations?.length ? "a managed EBS volume" : undefined,
    ].filter((x): x is string => x !== undefined);
    if (!uses.length) return [];
    return [{
      path: ["platformVersion"],
      message: `This service mounts ${uses.join(" and ")}, which Fargate supports from platform version ${STORAGE_MIN_PLATFORM_VERSION}; it pins ${v}.`,
      fix: { description: 'Use "LATEST" (or 1.4.0).', edits: [{ path: ["platformVersion"], value: "LATEST" }] },
    }];
  },
};
