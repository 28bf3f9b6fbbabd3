import { describe, expect, it } from "vitest";
import { runCall, type Dynamics } from "../core/engine";
import { initialState } from "../core/state";
import { jsonAnswer, jsonServerError, readJsonCall, type JsonService } from "./json-1-1";

// A service of one operation, to show the adapter knows no service of its own.
const still: Dynamics = { advance: (world, _config, to) => { world.now = Math.max(world.now, to); }, settle: () => {} };
const echo: JsonService = {
  signingName: "echo", targetPrefix: "Echo_20250101.", clientErrorType: "ValidationException",
  engine: (state, call) => runCall({ Echo: (world, input) => ({ input, region: world.region }) }, still, state, call),
};
const error = (r: ReturnType<typeof readJsonCall>) => ("error" in r ? [r.error.type, r.error.status] : undefined);
const request = (target: string, body: string, region = "eu-west-1") => ({
  headers: { "X-Amz-Target": target, authorization: `AWS4-HMAC-SHA256 Credential=AKID/20250101/${region}/echo/aws4_request` },
  body,
});

describe("awsJson1_1 adapter", () => {
  it("reads the operation from X-Amz-Target, the region from the credential scope and the input from the body", () => {
    expect(readJsonCall(echo, request("Echo_20250101.Echo", '{"a":1}'))).toEqual({ call: { op: "Echo", region: "eu-west-1", input: { a: 1 } } });
    expect(readJsonCall(echo, request("Echo_20250101.Echo", ""))).toEqual({ call: { op: "Echo", region: "eu-west-1", input: {} } });
  });

  it("reads null as not set, as the AWS SDKs send it: null members and list items are dropped", () => {
    expect(readJsonCall(echo, request("Echo_20250101.Echo", '{"a":null,"b":[null,1],"c":{"d":null}}'))).toEqual({
      call: { op: "Echo", region: "eu-west-1", input: { b: [1], c: {} } },
    });
  });

  it("answers what it cannot read with the service's own client error", () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    expect(error(readJsonCall(echo, request("Echo_20250101.Echo", `{"a":${deep}}`)))).toEqual(["ValidationException", 400]);
    expect(error(readJsonCall(echo, request("Other.Echo", "{}")))).toEqual(["UnknownOperationException", 400]);
    expect(error(readJsonCall(echo, request("Echo_20250101.Echo", "{")))).toEqual(["ValidationException", 400]);
    expect(error(readJsonCall(echo, request("Echo_20250101.Echo", "[1]")))).toEqual(["ValidationException", 400]);
    expect(error(readJsonCall(echo, request("Echo_20250101.Echo", " ".repeat(1024 * 1024 + 1))))).toEqual(["ValidationException", 413]);
  });

  it("runs the call on the service's handler table and writes the answer or the error", () => {
    const state = initialState(1_700_000_000_000);
    const ok = echo.engine(state, { op: "Echo", region: "eu-west-1", input: { a: 1 }, realNow: 1_700_000_000_000 });
    const res = jsonAnswer(ok, "rid");
    expect(res).toEqual({
      status: 200, headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "rid" },
      body: JSON.stringify({ input: { a: 1 }, region: "eu-west-1" }),
    });
    const unknown = jsonAnswer(echo.engine(state, { op: "Nope", region: "eu-west-1", input: {}, realNow: 0 }), "rid");
    expect(unknown.status).toBe(400);
    expect(unknown.headers["x-amzn-errortype"]).toBe("UnknownOperationException");
    expect(JSON.parse(unknown.body)).toEqual({ __type: "UnknownOperationException", message: "Unknown operation Nope" });
    expect(jsonServerError("busy", "rid")).toMatchObject({ status: 500, headers: { "x-amzn-errortype": "ServerException" } });
  });
});
