import { describe, expect, it } from "vitest";
import { listenerRuleRef, parseListenerRuleRef } from "./lookup";

describe("listenerRuleRef", () => {
  it("round-trips a rule and the listener's default rule", () => {
    expect(listenerRuleRef("web", 443, 10)).toBe("listener-rule/web/443/10");
    expect(parseListenerRuleRef(listenerRuleRef("web", 443, 10))).toEqual({ loadBalancerName: "web", port: 443, priority: 10 });
    expect(parseListenerRuleRef(listenerRuleRef("web", 80))).toEqual({ loadBalancerName: "web", port: 80 });
  });

  it("is not an ARN or anything else", () => {
    expect(parseListenerRuleRef("arn:aws:elasticloadbalancing:eu-west-1:1:listener-rule/app/web/abc/def/123")).toBeUndefined();
    expect(parseListenerRuleRef("listener-rule/web/x/1")).toBeUndefined();
    expect(parseListenerRuleRef("listener-rule/web/80/default/extra")).toBeUndefined();
  });
});
