import { describe, expect, it } from "vitest";
import { albResourceLabel, firesBetween, isTimeZone, parseSchedule, targetTrackingDesired, type Schedule } from "./auto-scaling";

const at = (iso: string) => Date.parse(iso);
const parsed = (e: string) => parseSchedule(e) as Schedule;

describe("schedule expressions", () => {
  it("parses at, rate and cron, and says what is wrong", () => {
    expect(parsed("at(2026-12-24T18:00:00)").kind).toBe("at");
    expect(parseSchedule("rate(5 minutes)")).toEqual({ kind: "rate", seconds: 300 });
    expect(parseSchedule("rate(1 hour)")).toEqual({ kind: "rate", seconds: 3600 });
    expect(parsed("cron(0 18 ? * MON-FRI *)").kind).toBe("cron");
    expect(parseSchedule("rate(1 hours)")).toMatch(/rate\(1 hour\)/);
    expect(parseSchedule("rate(5 weeks)")).toMatch(/minute\(s\), hour\(s\) or day\(s\)/);
    expect(parseSchedule("cron(0 18 * * *)")).toMatch(/six fields/);
    expect(parseSchedule("cron(0 18 * * MON *)")).toMatch(/must be "\?"/);
    expect(parseSchedule("cron(0 25 * * ? *)")).toMatch(/hours/);
    expect(parseSchedule("every day")).toMatch(/is not at/);
    expect(parseSchedule("at(2026-13-01T00:00:00)")).toMatch(/not a valid date/);
  });
  it("fires cron in its time zone, minute by minute", () => {
    const s = parsed("cron(0 20 * * ? *)");
    expect(firesBetween(s, { after: at("2026-12-07T00:00:00Z"), until: at("2026-12-08T00:00:00Z"), anchor: 0 })).toEqual([at("2026-12-07T20:00:00Z")]);
    // 20:00 in Berlin (UTC+1 in December) is 19:00 UTC.
    expect(firesBetween(s, { after: at("2026-12-07T00:00:00Z"), until: at("2026-12-08T00:00:00Z"), anchor: 0, timezone: "Europe/Berlin" })).toEqual([at("2026-12-07T19:00:00Z")]);
    const weekdays = parsed("cron(0 8 ? * MON-FRI *)");
    // 2026-12-05 is a Saturday, 2026-12-07 a Monday.
    expect(firesBetween(weekdays, { after: at("2026-12-05T00:00:00Z"), until: at("2026-12-08T00:00:00Z"), anchor: 0 })).toEqual([at("2026-12-07T08:00:00Z")]);
    expect(firesBetween(parsed("cron(0/15 * * * ? *)"), { after: at("2026-12-07T10:00:00Z"), until: at("2026-12-07T10:40:00Z"), anchor: 0 })).toHaveLength(2);
  });
  it("fires at once and rate from its anchor", () => {
    expect(firesBetween(parsed("at(2026-12-07T12:00:00)"), { after: at("2026-12-07T11:00:00Z"), until: at("2026-12-07T13:00:00Z"), anchor: 0 })).toEqual([at("2026-12-07T12:00:00Z")]);
    expect(firesBetween(parsed("at(2026-12-07T12:00:00)"), { after: at("2026-12-07T12:00:00Z"), until: at("2026-12-07T13:00:00Z"), anchor: 0 })).toEqual([]);
    const a = at("2026-12-07T10:00:00Z");
    expect(firesBetween(parsed("rate(10 minutes)"), { after: a, until: a + 25 * 60000, anchor: a })).toEqual([a + 600000, a + 1200000]);
  });
  it("knows IANA time zones", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("target tracking", () => {
  const base = { minCapacity: 1, maxCapacity: 10, targetValue: 50 };
  it("scales in proportion to metric / target within [min, max]", () => {
    expect(targetTrackingDesired({ ...base, current: 2, metric: 100 })).toEqual({ desired: 4, reason: "scale-out" });
    expect(targetTrackingDesired({ ...base, current: 4, metric: 20 })).toEqual({ desired: 2, reason: "scale-in" });
    expect(targetTrackingDesired({ ...base, current: 8, metric: 100 }).desired).toBe(10);
    expect(targetTrackingDesired({ ...base, current: 2, metric: 50 }).reason).toBe("hold");
  });
  it("honours cooldowns and disableScaleIn", () => {
    expect(targetTrackingDesired({ ...base, current: 2, metric: 100, sinceScaleOut: 60 }).reason).toBe("cooldown");
    expect(targetTrackingDesired({ ...base, current: 4, metric: 20, sinceScaleIn: 60 }).reason).toBe("cooldown");
    expect(targetTrackingDesired({ ...base, current: 4, metric: 20, disableScaleIn: true }).reason).toBe("scale-in-disabled");
  });
  it("derives the ALB resource label from the ARNs", () => {
    expect(albResourceLabel("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188", "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/943f017f100becff"))
      .toBe("app/web/50dc6c495c0c9188/targetgroup/web-tg/943f017f100becff");
    expect(albResourceLabel("arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/n/1", "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/t/2")).toBeUndefined();
  });
});
