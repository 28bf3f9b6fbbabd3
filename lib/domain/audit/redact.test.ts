import { describe, expect, it } from "vitest";
import { REDACTED, redact } from "./redact";

describe("redact", () => {
  it("replaces secret-named fields at any depth and keeps the rest", () => {
    expect(redact({
      name: "prod", externalId: "s3cr3t", roleArn: "arn:aws:iam::1:role/x",
      nested: [{ password: "p", newPassword: "q", token: "t", sessionToken: "st", value: 1 }], externalIdSecret: "v1:…",
    })).toEqual({
      name: "prod", externalId: REDACTED, roleArn: "arn:aws:iam::1:role/x",
      nested: [{ password: REDACTED, newPassword: REDACTED, token: REDACTED, sessionToken: REDACTED, value: 1 }], externalIdSecret: REDACTED,
    });
  });

  it("keeps what only says a secret exists", () => {
    expect(redact({ hasExternalId: true, tokenCount: 2 })).toEqual({ hasExternalId: true, tokenCount: 2 });
  });

  it("turns dates and big integers into JSON and drops undefined fields", () => {
    expect(redact({ at: new Date("2026-01-01T00:00:00Z"), id: BigInt(7), gone: undefined })).toEqual({ at: "2026-01-01T00:00:00.000Z", id: "7" });
    expect(redact(null)).toBeNull();
    expect(redact("plain")).toBe("plain");
  });
});
