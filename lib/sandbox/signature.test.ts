import { describe, expect, it } from "vitest";
import { signatureError } from "./protocols/sigv4";
import { verifySignature, type ArrivedRequest } from "./signature";

// AWS's SigV4 test suite (aws-sig-v4-test-suite): key AKIDEXAMPLE, its example secret, 2015-08-30
// 12:36:00 UTC, us-east-1, service "service". The signatures are AWS's published ones.
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const AT = Date.UTC(2015, 7, 30, 12, 36, 0);
const CRED = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=";
const GET_VANILLA = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
const GET_VANILLA_QUERY = "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500";

const request = (signature: string, over: Partial<ArrivedRequest> = {}): ArrivedRequest => ({
  method: "GET", path: "/", query: "",
  headers: { host: "example.amazonaws.com", "x-amz-date": "20150830T123600Z", authorization: CRED + signature },
  body: "", ...over,
});
const secrets = (id: string) => Promise.resolve(id === "AKIDEXAMPLE" ? SECRET : undefined);

describe("verifySignature", () => {
  it("accepts AWS's own test vectors (get-vanilla, get-vanilla-query-order-key-case)", async () => {
    expect(await verifySignature(request(GET_VANILLA), secrets, AT)).toEqual({ ok: true, key: { accessKeyId: "AKIDEXAMPLE", region: "us-east-1", service: "service" } });
    expect((await verifySignature(request(GET_VANILLA_QUERY, { query: "Param2=value2&Param1=value1" }), secrets, AT)).ok).toBe(true);
  });

  it("refuses a signature made with another secret, or over another request", async () => {
    const wrong = (await verifySignature(request(GET_VANILLA), () => Promise.resolve(SECRET.replace("K7", "K8")), AT));
    expect(wrong).toEqual({ ok: false, failure: { kind: "mismatch" } });
    expect(await verifySignature(request(GET_VANILLA, { path: "/other" }), secrets, AT)).toEqual({ ok: false, failure: { kind: "mismatch" } });
    expect(await verifySignature(request(GET_VANILLA, { method: "POST" }), secrets, AT)).toEqual({ ok: false, failure: { kind: "mismatch" } });
    expect(await verifySignature(request(GET_VANILLA, { query: "Param1=value1" }), secrets, AT)).toEqual({ ok: false, failure: { kind: "mismatch" } });
    // A body that is not the one whose hash the client stated.
    const stated = request(GET_VANILLA, { body: "tampered" });
    (stated.headers as Record<string, string>)["x-amz-content-sha256"] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    expect(await verifySignature(stated, secrets, AT)).toEqual({ ok: false, failure: { kind: "mismatch" } });
  });

  it("tells an unknown key, a missing signature and a malformed one apart", async () => {
    expect(await verifySignature(request(GET_VANILLA), () => Promise.resolve(undefined), AT)).toEqual({ ok: false, failure: { kind: "unknown-key" } });
    expect(await verifySignature({ ...request(GET_VANILLA), headers: { host: "example.amazonaws.com" } }, secrets, AT)).toEqual({ ok: false, failure: { kind: "missing" } });
    const bad = await verifySignature({ ...request(GET_VANILLA), headers: { authorization: "AWS4-HMAC-SHA256 Credential=x" } }, secrets, AT);
    expect(bad).toMatchObject({ ok: false, failure: { kind: "incomplete" } });
  });

  it("refuses a date more than 15 minutes from the server's clock, either way, as AWS does", async () => {
    expect((await verifySignature(request(GET_VANILLA), secrets, AT + 15 * 60_000)).ok).toBe(true);
    const late = await verifySignature(request(GET_VANILLA), secrets, AT + 15 * 60_000 + 1000);
    expect(late).toEqual({ ok: false, failure: { kind: "expired", signedAt: AT, now: AT + 901_000 } });
    if (late.ok || late.failure.kind !== "expired") throw new Error("expected expired");
    expect(signatureError("json", late.failure)).toMatchObject({
      type: "InvalidSignatureException", status: 400,
      message: "Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T125101Z - 15 min.)",
    });
    const early = await verifySignature(request(GET_VANILLA), secrets, AT - 16 * 60_000);
    if (early.ok || early.failure.kind !== "expired") throw new Error("expected expired");
    expect(signatureError("awsQuery", early.failure)).toMatchObject({ type: "SignatureDoesNotMatch", status: 403, message: expect.stringMatching(/^Signature not yet current: 20150830T123600Z is still later than/) });
  });
});

describe("signatureError", () => {
  it("answers each refusal with the code the protocol's AWS service answers", () => {
    const codes = (kind: "missing" | "unknown-key" | "mismatch") =>
      (["json", "awsQuery", "ec2Query"] as const).map((p) => { const e = signatureError(p, { kind }); return `${e.type} ${e.status}`; });
    expect(codes("missing")).toEqual(["MissingAuthenticationTokenException 400", "MissingAuthenticationToken 403", "MissingAuthenticationToken 401"]);
    expect(codes("unknown-key")).toEqual(["UnrecognizedClientException 400", "InvalidClientTokenId 403", "AuthFailure 401"]);
    expect(codes("mismatch")).toEqual(["InvalidSignatureException 400", "SignatureDoesNotMatch 403", "AuthFailure 401"]);
    expect(signatureError("json", { kind: "unknown-key" }).message).toBe("The security token included in the request is invalid.");
  });
});
