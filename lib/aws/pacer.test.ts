import { describe, expect, it } from "vitest";
import { createPacer, type PacerClock } from "./pacer";

function fakeClock(): PacerClock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: async (ms) => { slept.push(ms); t += ms; } };
}

describe("pacer", () => {
  it("lets a burst through, then paces RegisterTaskDefinition at 1 per second", async () => {
    const clock = fakeClock();
    const pacer = createPacer({ clock });
    for (let i = 0; i < 20; i++) await pacer.take("RegisterTaskDefinition");
    expect(clock.now()).toBe(0);
    for (let i = 0; i < 3; i++) await pacer.take("RegisterTaskDefinition");
    expect(clock.now()).toBe(3000);
  });

  it("shares one bucket between CreateService, UpdateService and DeleteService at 5 per second", async () => {
    const clock = fakeClock();
    const pacer = createPacer({ clock });
    for (let i = 0; i < 50; i++) await pacer.take(i % 2 ? "CreateService" : "UpdateService");
    await pacer.take("DeleteService");
    expect(clock.now()).toBe(200);
  });

  it("refills over time and does not pace operations without a limit", async () => {
    const clock = fakeClock();
    const pacer = createPacer({ clock, limits: { CreateCluster: { burst: 1, perSecond: 1 } } });
    await pacer.take("CreateCluster");
    await pacer.take("CreateCluster");
    expect(clock.now()).toBe(1000);
    await pacer.take("TagResource");
    expect(clock.slept).toEqual([1000]);
  });
});
