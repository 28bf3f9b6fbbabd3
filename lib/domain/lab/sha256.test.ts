import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { digestOf, sha256Hex } from "./sha256";

const reference = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

describe("sha256Hex", () => {
  it("gives the FIPS 180-4 test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });

  it("agrees with node:crypto on any text, across block boundaries and non-ASCII", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => sha256Hex(s) === reference(s)), { numRuns: 300 });
    for (let n = 50; n < 140; n++) expect(sha256Hex("x".repeat(n))).toBe(reference("x".repeat(n)));
  });

  it("writes digests in the OCI form", () => {
    expect(digestOf("abc")).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
