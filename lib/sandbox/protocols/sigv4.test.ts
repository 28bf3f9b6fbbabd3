import { describe, expect, it } from "vitest";
import { credentialScope, regionOf } from "./sigv4";

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
