import { z } from "zod";

// The parts of the Compose specification that the importer converts. Loose objects: keys
// not listed here are reported by the importer (with a reason), never silently dropped.

const StrNum = z.union([z.string(), z.number()]);
const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const ListOrMap = z.union([z.array(StrNum), z.record(z.string(), Scalar)]);
const Command = z.union([z.string(), z.array(StrNum)]).nullable();

export const ComposePortSchema = z.union([
  StrNum,
  z.looseObject({
    target: StrNum,
    published: StrNum.optional(),
    protocol: z.string().optional(),
    host_ip: z.string().optional(),
    mode: z.string().optional(),
    name: z.string().optional(),
    app_protocol: z.string().optional(),
  }),
]);

export const ComposeVolumeMountSchema = z.union([
  z.string(),
  z.looseObject({
    type: z.string(),
    source: z.string().optional(),
    target: z.string(),
    read_only: z.boolean().optional(),
  }),
]);

const Resources = z.looseObject({ cpus: StrNum.optional(), memory: StrNum.optional() });

export const ComposeServiceSchema = z.looseObject({
  image: z.string().optional(),
  build: z.union([z.string(), z.looseObject({})]).optional(),
  ports: z.array(ComposePortSchema).optional(),
  expose: z.array(StrNum).optional(),
  environment: ListOrMap.optional(),
  env_file: z.union([z.string(), z.array(z.union([z.string(), z.looseObject({ path: z.string() })]))]).optional(),
  command: Command.optional(),
  entrypoint: Command.optional(),
  healthcheck: z.looseObject({
    test: z.union([z.string(), z.array(z.string())]).optional(),
    interval: StrNum.optional(),
    timeout: StrNum.optional(),
    start_period: StrNum.optional(),
    start_interval: StrNum.optional(),
    retries: z.number().int().optional(),
    disable: z.boolean().optional(),
  }).optional(),
  depends_on: z.union([
    z.array(z.string()),
    z.record(z.string(), z.looseObject({ condition: z.string().optional() }).nullable()),
  ]).optional(),
  deploy: z.looseObject({
    mode: z.string().optional(),
    replicas: z.number().int().nonnegative().optional(),
    resources: z.looseObject({ limits: Resources.optional(), reservations: Resources.optional() }).optional(),
  }).optional(),
  volumes: z.array(ComposeVolumeMountSchema).optional(),
  logging: z.looseObject({ driver: z.string().optional(), options: z.record(z.string(), Scalar).nullable().optional() }).optional(),
  user: StrNum.optional(),
  working_dir: z.string().optional(),
  hostname: z.string().optional(),
  labels: ListOrMap.optional(),
  read_only: z.boolean().optional(),
  privileged: z.boolean().optional(),
  stop_grace_period: StrNum.optional(),
  ulimits: z.record(z.string(), z.union([z.number().int(), z.looseObject({ soft: z.number().int(), hard: z.number().int() })])).optional(),
  cap_add: z.array(z.string()).optional(),
  cap_drop: z.array(z.string()).optional(),
  init: z.boolean().optional(),
  tty: z.boolean().optional(),
  stdin_open: z.boolean().optional(),
  platform: z.string().optional(),
  sysctls: ListOrMap.optional(),
  cpus: StrNum.optional(),
  mem_limit: StrNum.optional(),
  mem_reservation: StrNum.optional(),
});
export type ComposeService = z.infer<typeof ComposeServiceSchema>;

export const ComposeFileSchema = z.looseObject({
  name: z.string().optional(),
  version: StrNum.optional(),
  services: z.record(z.string(), ComposeServiceSchema.nullable()),
  volumes: z.record(z.string(), z.looseObject({}).nullable()).nullable().optional(),
});
