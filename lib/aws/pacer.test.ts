import { describe, expect, it } from "vitest";
import { ECS_LIMITS } from "../domain/aws-limits";
import { createPacer, type PacerClock } from "./pacer";

function fakeClock(): PacerClock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: async (ms) => { slept.push(ms); t += ms; } };
}

const bucketOf = (op: keyof typeof ECS_LIMITS.operations) => (ECS_LIMITS.operations[op] as { bucket?: string }).bucket;

describe("pacer", () => {
  it("lets a burst through, then paces RegisterTaskDefinition at 1 per second", async () => {
    const clock = fakeClock();
    const pacer = createPacer(ECS_LIMITS.buckets, clock);
    for (let i = 0; i < 20; i++) await pacer.take(bucketOf("RegisterTaskDefinition"));
    expect(clock.now()).toBe(0);
    for (let i = 0; i < 3; i++) await pacer.take(bucketOf("RegisterTaskDefinition"));
    expect(clock.now()).toBe(3000);
  });

  it("shares one bucket between CreateService, UpdateService and DeleteService at 5 per second", async () => {
    const clock = fakeClock();
    const pacer = createPacer(ECS_LIMITS.buckets, clock);
    for (let i = 0; i < 50; i++) await pacer.take(bucketOf(i % 2 ? "CreateService" : "UpdateService"));
    await pacer.take(bucketOf("DeleteService"));
    expect(clock.now()).toBe(200);
  });

  it("paces ListTasks in the task-read bucket it shares with DescribeTasks, not in the service bucket", async () => {
    const clock = fakeClock();
    const pacer = createPacer(ECS_LIMITS.buckets, clock);
    for (let i = 0; i < 100; i++) await pacer.take(bucketOf("DescribeTasks"));
    await pacer.take(bucketOf("ListServices"));
    expect(clock.now()).toBe(0);
    await pacer.take(bucketOf("ListTasks"));
    expect(clock.now()).toBe(50);
  });

  it("refills over time and does not pace operations without a bucket", async () => {
    const clock = fakeClock();
    const pacer = createPacer({ one: { burst: 1, perSecond: 1 } }, clock);
    await pacer.take("one");
    await pacer.take("one");
    expect(clock.now()).toBe(1000);
    await pacer.take(bucketOf("TagResource"));
    expect(clock.slept).toEqual([1000]);
  });
});
