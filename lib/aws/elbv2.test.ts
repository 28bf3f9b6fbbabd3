import { describe, expect, it } from "vitest";
import { ELBV2_LIMITS } from "../domain/aws-limits";
import { elbv2PortOver } from "./elbv2";
import { createPacer, type PacerClock } from "./pacer";

// The ELBv2 port against a stand-in client that answers like ELBv2: pages of PageSize with
// NextMarker, describes by name of at most 20, and LoadBalancerNotFound for a whole call that
// names one that does not exist.

type Sent = { op: string; input: Record<string, unknown> };
const notFound = () => Object.assign(new Error("One or more load balancers not found"), { name: "LoadBalancerNotFoundException" });

function fakeElb(names: string[]) {
  const sent: Sent[] = [];
  const client = {
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
      const op = command.constructor.name.replace(/Command$/, "");
      sent.push({ op, input: command.input });
      const asked = command.input.Names as string[] | undefined;
      if (asked) {
        if (asked.length > 20) throw new Error("too many names");
        if (asked.some((n) => !names.includes(n))) throw notFound();
        return { LoadBalancers: asked.map((n) => ({ LoadBalancerName: n })) };
      }
      const start = Number(command.input.Marker ?? 0);
      const size = Number(command.input.PageSize);
      const next = start + size;
      return { LoadBalancers: names.slice(start, next).map((n) => ({ LoadBalancerName: n })), ...(next < names.length ? { NextMarker: String(next) } : {}) };
    },
    destroy() {},
  };
  return { client: client as never, sent };
}

function fakeClock(): PacerClock & { t: () => number } {
  let t = 0;
  return { now: () => t, sleep: async (ms) => { t += ms; }, t: () => t };
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `lb-${i}`);

describe("ELBv2 port", () => {
  it("follows NextMarker through every page, 400 at a time", async () => {
    const { client, sent } = fakeElb(names(900));
    const port = elbv2PortOver(client, createPacer(ELBV2_LIMITS.buckets, fakeClock()));
    expect((await port.describeLoadBalancers()).length).toBe(900);
    expect(sent.map((s) => [s.input.PageSize, s.input.Marker])).toEqual([[400, undefined], [400, "400"], [400, "800"]]);
  });

  it("describes any number of names in batches of 20, leaving out the ones that do not exist", async () => {
    const { client, sent } = fakeElb(names(30));
    const port = elbv2PortOver(client, createPacer(ELBV2_LIMITS.buckets, fakeClock()));
    const asked = [...names(25), "missing"];
    expect((await port.describeLoadBalancers({ names: asked })).map((l) => l.LoadBalancerName)).toEqual(names(25));
    // One call of 20; the second batch (5 + missing) fails as a whole and is asked one by one.
    expect(sent.map((s) => (s.input.Names as string[]).length)).toEqual([20, 6, 1, 1, 1, 1, 1, 1]);
  });

  it("paces describes in ELBv2's non-mutating bucket: 40 at once, then 10 a second", async () => {
    const { client } = fakeElb(names(1));
    const clock = fakeClock();
    const port = elbv2PortOver(client, createPacer(ELBV2_LIMITS.buckets, clock));
    for (let i = 0; i < 50; i++) await port.describeLoadBalancers({ names: ["lb-0"] });
    expect(clock.t()).toBeGreaterThanOrEqual(900);
    expect(clock.t()).toBeLessThan(1100);
  });
});
