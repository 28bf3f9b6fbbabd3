import { describe, expect, it } from "vitest";
import { AwsError } from "../core/errors";
import { awsJson1_0 } from "./json-1-0";
import { jsonAnswer, jsonError } from "./json-1-1";

describe("awsJson1_0, awsQueryCompatible", () => {
  const wire = awsJson1_0({ InvalidParameterValueException: "InvalidParameterValue" });
  it("answers in its content type", () => {
    expect(jsonAnswer({ output: { a: 1 } }, "r", wire)).toEqual({ status: 200, headers: { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": "r" }, body: '{"a":1}' });
  });
  it("names each error's awsQuery code in x-amzn-query-error, Sender or Receiver", () => {
    const e = jsonError(new AwsError("InvalidParameterValueException", "bad"), "r", wire);
    expect(e.status).toBe(400);
    expect(e.headers["x-amzn-query-error"]).toBe("InvalidParameterValue;Sender");
    expect(JSON.parse(e.body)).toEqual({ __type: "InvalidParameterValueException", message: "bad" });
    expect(jsonError(new AwsError("InvalidParameterValueException", "x", 500), "r", wire).headers["x-amzn-query-error"]).toBe("InvalidParameterValue;Receiver");
    expect(jsonError(new AwsError("UnknownOperationException", "x"), "r", wire).headers["x-amzn-query-error"]).toBeUndefined();
  });
});
