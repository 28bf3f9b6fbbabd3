import { describe, expect, it } from "vitest";
import { credentialScope, isReadOperation, parseAmzDate, parseAuthorization, regionOf } from "./sigv4";

const AUTH = "AWS4-HMAC-SHA256 Credential=AKID/20250101/ap-south-1/ecs/aws4_request, SignedHeaders=host, Signature=abc";

describe("SigV4 credential scope", () => {
  it("reads the region from the SigV4 credential scope", () => {
    expect(regionOf(AUTH)).toBe("ap-south-1");
    expect(regionOf(undefined)).toBe("us-east-1");
  });

  it("names the service a router dispatches on", () => {
    expect(credentialScope(AUTH)).toEqual({ region: "ap-south-1", service: "ecs" });
    expect(credentialScope("AWS4-HMAC-SHA256 Credential=AKID/20250101/eu-west-1/elasticloadbalancing/aws4_request")?.service).toBe("elasticloadbalancing");
    expect(credentialScope("Bearer x")).toBeUndefined();
  });
});

describe("what a signed request says", () => {
  it("reads the Authorization header's key, scope, signed headers and signature", () => {
    const sig = "a".repeat(64);
    expect(parseAuthorization(`AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261204/eu-west-1/ecs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${sig}`)).toEqual({
      accessKeyId: "AKIAEXAMPLE", date: "20261204", region: "eu-west-1", service: "ecs",
      signedHeaders: ["content-type", "host", "x-amz-date", "x-amz-target"], signature: sig,
    });
    expect(parseAuthorization("AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261204/eu-west-1/ecs/aws4_request, SignedHeaders=host, Signature=0")).toBeUndefined();
    expect(parseAuthorization("Basic dXNlcjpwYXNz")).toBeUndefined();
    expect(parseAmzDate("20261204T110000Z")).toBe(Date.UTC(2026, 11, 4, 11, 0, 0));
    expect(parseAmzDate("2026-12-04T11:00:00Z")).toBeUndefined();
  });

  it("tells reads from changes by the operation's name", () => {
    expect(["DescribeServices", "ListClusters", "GetTaskProtection", "StartLiveTail"].every(isReadOperation)).toBe(true);
    expect(["CreateCluster", "DeleteService", "Describe", "Listen", "TagResource", "StartQuery"].some(isReadOperation)).toBe(false);
  });
});
