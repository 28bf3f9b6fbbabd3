import type { Service, Task } from "@aws-sdk/client-ecs";
import { type EcsPort, type Pacer, noPacer } from "@/lib/aws";
import { DESCRIBE_SERVICES_BATCH, DESCRIBE_TASKS_BATCH, LIST_PAGE } from "@/lib/domain/monitor";
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
    describeServices: async (cluster, services) => (services.length ? (await port.describeServices({ cluster, services })).services : []),
    listTasks: (cluster, desiredStatus) => port.listTasks({ cluster, desiredStatus }),
    describeTasks: async (cluster, tasks) => (tasks.length ? (await port.describeTasks({ cluster, tasks })).tasks : []),
  };
}

const pages = (n: number) => Math.max(1, Math.ceil(n / LIST_PAGE));
const batches = (n: number, size: number) => Math.ceil(n / size);

async function takeN(pacer: Pacer, op: Parameters<Pacer["take"]>[0], n: number) {
  for (let i = 0; i < n; i++) await pacer.take(op);
}

/**
 * Counts each ECS request by operation (lists page by 100, describes batch by 10 and 100 as
 * lib/aws does) and paces describes to ECS's sustained rates before they go out.
 */
export function countedEcs(ecs: MonitorEcs, counter: CallCounter, pacer: Pacer = noPacer): MonitorEcs {
  return {
    async listServices(cluster) {
      await pacer.take("ListServices");
      const arns = await ecs.listServices(cluster);
      counter.add("ListServices", pages(arns.length));
      return arns;
    },
    async describeServices(cluster, services) {
      const n = batches(services.length, DESCRIBE_SERVICES_BATCH);
      await takeN(pacer, "DescribeServices", n);
      counter.add("DescribeServices", n);
      return ecs.describeServices(cluster, services);
    },
    async listTasks(cluster, desiredStatus) {
      await pacer.take("DescribeTasks");
      const arns = await ecs.listTasks(cluster, desiredStatus);
      counter.add("ListTasks", pages(arns.length));
      return arns;
    },
    async describeTasks(cluster, tasks) {
      const n = batches(tasks.length, DESCRIBE_TASKS_BATCH);
      await takeN(pacer, "DescribeTasks", n);
      counter.add("DescribeTasks", n);
      return ecs.describeTasks(cluster, tasks);
    },
  };
}
