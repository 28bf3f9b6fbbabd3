import { describe, expect, it } from "vitest";
import { AwsError } from "../core/errors";
import { matchRoute, readRestCall, restJsonAnswer, servesPath, type RestJsonService } from "./rest-json";

const service: RestJsonService = {
  signingName: "scheduler", clientErrorType: "ValidationException", engine: () => { throw new Error("not run"); },
  routes: [
    { op: "GetSchedule", method: "GET", path: "/schedules/{Name}", query: { groupName: "GroupName" } },
    { op: "ListSchedules", method: "GET", path: "/schedules", query: { NamePrefix: "NamePrefix" } },
    { op: "UntagResource", method: "DELETE", path: "/tags/{ResourceArn}", query: { TagKeys: "TagKeys" } },
  ],
};
const auth = "AWS4-HMAC-SHA256 Credential=AKID/20261207/eu-west-1/scheduler/aws4_request, SignedHeaders=host, Signature=x";

describe("restJson1", () => {
  it("routes on method and path template, decoding labels", () => {
    expect(matchRoute(service, "GET", "/schedules/nightly")?.route.op).toBe("GetSchedule");
    expect(matchRoute(service, "GET", "/schedules")?.route.op).toBe("ListSchedules");
    expect(matchRoute(service, "POST", "/schedules/nightly")).toBeUndefined();
    expect(matchRoute(service, "DELETE", "/tags/arn%3Aaws%3Ascheduler%3Aeu-west-1%3A000000000000%3Aschedule-group%2Fjobs")?.labels)
      .toEqual({ ResourceArn: "arn:aws:scheduler:eu-west-1:000000000000:schedule-group/jobs" });
    expect(servesPath(service, "/schedules/x")).toBe(true);
    expect(servesPath(service, "/queues")).toBe(false);
  });
  it("binds path labels over query values over body members, repeated query names as lists", () => {
    const read = readRestCall(service, { method: "GET", headers: { authorization: auth }, body: "" }, "/schedules/nightly", "groupName=jobs&ignored=1");
    expect(read).toEqual({ call: { op: "GetSchedule", region: "eu-west-1", input: { Name: "nightly", GroupName: "jobs" } } });
    const tags = readRestCall(service, { method: "DELETE", headers: {}, body: "" }, "/tags/x", "TagKeys=a&TagKeys=b");
    expect("call" in tags && tags.call.input).toEqual({ ResourceArn: "x", TagKeys: ["a", "b"] });
    const unknown = readRestCall(service, { method: "PATCH", headers: {}, body: "" }, "/schedules/x", "");
    expect("error" in unknown && [unknown.error.type, unknown.error.status]).toEqual(["UnknownOperationException", 404]);
    const bad = readRestCall(service, { method: "GET", headers: {}, body: "{" }, "/schedules", "");
    expect("error" in bad && bad.error.type).toBe("ValidationException");
  });
  it("answers errors with the model's status, X-Amzn-ErrorType and Message", () => {
    const res = restJsonAnswer({ error: new AwsError("ResourceNotFoundException", "Schedule x does not exist.", 404) }, "r1");
    expect(res.status).toBe(404);
    expect(res.headers["x-amzn-errortype"]).toBe("ResourceNotFoundException");
    expect(JSON.parse(res.body)).toEqual({ Message: "Schedule x does not exist." });
    expect(restJsonAnswer({ output: { ScheduleArn: "a" } }, "r2")).toMatchObject({ status: 200, body: '{"ScheduleArn":"a"}' });
  });
});
