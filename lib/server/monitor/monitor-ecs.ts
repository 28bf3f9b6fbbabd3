import type { Service, Task } from "@aws-sdk/client-ecs";
import type { EcsPort } from "@/lib/aws";
import { DESCRIBE_SERVICES_BATCH, DESCRIBE_TASKS_BATCH, FAST_MS, LIST_PAGE } from "@/lib/domain/monitor";
import type { AppContext } from "../context";
import type { EnvironmentRow } from "../environments";
import type { MonitorClient } from "./poller";
import type { CallCounter } from "./call-counter";

/** The four reads a refresh makes. Each list returns every page; each describe takes any number. */
export type MonitorEcs = {
  listServices(cluster: string): Promise<string[]>;
  describeServices(cluster: string, services: string[]): Promise<Service[]>;
  listTasks(cluster: string, desiredStatus: "RUNNING" | "STOPPED"): Promise<string[]>;
  describeTasks(cluster: string, tasks: string[]): Promise<Task[]>;
};

/** EcsPort does the paging and batching; this only narrows it to the monitor's four reads. */
export function monitorEcsOver(port: Pick<EcsPort, "listServices" | "describeServices" | "listTasks" | "describeTasks">): MonitorEcs {
  return {
    listServices: (cluster) => port.listServices({ cluster }),
    describeServices: async (cluster, services) => (await port.describeServices({ cluster, services })).services,
    listTasks: (cluster, desiredStatus) => port.listTasks({ cluster, desiredStatus }),
    describeTasks: async (cluster, tasks) => (await port.describeTasks({ cluster, tasks })).tasks,
  };
}

const pages = (n: number) => Math.max(1, Math.ceil(n / LIST_PAGE));
const batches = (n: number, size: number) => Math.ceil(n / size);

/** Counts each ECS request by operation (lists page by 100, describes batch by 10 and 100 as the port does). */
export function countedEcs(ecs: MonitorEcs, counter: CallCounter): MonitorEcs {
  return {
    async listServices(cluster) {
      const arns = await ecs.listServices(cluster);
      counter.add("ListServices", pages(arns.length));
      return arns;
    },
    async describeServices(cluster, services) {
      const n = batches(services.length, DESCRIBE_SERVICES_BATCH);
      counter.add("DescribeServices", n);
      return ecs.describeServices(cluster, services);
    },
    async listTasks(cluster, desiredStatus) {
      const arns = await ecs.listTasks(cluster, desiredStatus);
      counter.add("ListTasks", pages(arns.length));
      return arns;
    },
    async describeTasks(cluster, tasks) {
      const n = batches(tasks.length, DESCRIBE_TASKS_BATCH);
      counter.add("DescribeTasks", n);
      return ecs.describeTasks(cluster, tasks);
    },
  };
}

/** The monitor's reads of an environment, through the same ECS port plan and apply use. */
export function monitorClientFor(ctx: Pick<AppContext, "aws">, env: EnvironmentRow): MonitorClient {
  // The sandbox never throttles and rolls out in seconds: a steady sandbox is polled as fast as a busy one.
  return { ecs: monitorEcsOver(ctx.aws.ecs(env)), ...(env.kind === "sandbox" ? { slowMs: FAST_MS } : {}) };
}
