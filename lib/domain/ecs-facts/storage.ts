// Task storage limits, from the ECS API reference: EphemeralStorage (21–200 GiB, Fargate only),
// ServiceManagedEBSVolumeConfiguration (sizes, IOPS and throughput per EBS volume type) and
// EFSVolumeConfiguration / EFSAuthorizationConfig (transit encryption for IAM and access points).

/** ephemeralStorage.sizeInGiB: Fargate gives 20 GiB when unset; a set value is 21–200 GiB. */
export const EPHEMERAL_STORAGE_GIB = { free: 20, min: 21, max: 200 } as const;

/** Size range in GiB per EBS volume type (ServiceManagedEBSVolumeConfiguration.sizeInGiB). */
export const EBS_SIZE_GIB: Record<string, { min: number; max: number }> = {
  gp2: { min: 1, max: 16_384 }, gp3: { min: 1, max: 16_384 },
  io1: { min: 4, max: 16_384 }, io2: { min: 4, max: 16_384 },
  st1: { min: 125, max: 16_384 }, sc1: { min: 125, max: 16_384 },
  standard: { min: 1, max: 1_024 },
};

/** Provisioned IOPS per volume type; io1 and io2 require it; st1, sc1 and standard refuse it. */
export const EBS_IOPS: Record<string, { min: number; max: number }> = {
  gp3: { min: 3_000, max: 16_000 }, io1: { min: 100, max: 64_000 }, io2: { min: 100, max: 256_000 },
};
export const EBS_IOPS_REQUIRED: readonly string[] = ["io1", "io2"];
export const EBS_NO_IOPS: readonly string[] = ["st1", "sc1", "standard"];

/** Throughput in MiB/s: gp3 only (EC2 CreateVolume's floor of 125, ECS's ceiling of 1,000). */
export const EBS_THROUGHPUT_MIB = { min: 125, max: 1_000 } as const;

/** The volume type ECS uses when volumeType is omitted. */
export const EBS_DEFAULT_VOLUME_TYPE = "gp3";

/** The lowest Fargate Linux platform version that mounts EFS and EBS volumes. */
export const STORAGE_MIN_PLATFORM_VERSION = "1.4.0";

/** The ECS-managed policy for the infrastructure role of managed EBS volumes. */
export const EBS_INFRASTRUCTURE_POLICY = "AmazonECSInfrastructureRolePolicyForVolumes";
