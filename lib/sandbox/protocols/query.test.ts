import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runCall, type Dynamics } from "../core/engine";
import { AwsError } from "../core/errors";
import { initialState } from "../core/state";
import {
  invalidAction, parseQueryParams, queryAnswer, queryBool, queryError, queryInt, queryList, queryServerError, readQueryCall,
  type QueryService,
} from "./query";

// A service of one operation in each dialect, to show the adapter knows no service of its own.
const still: Dynamics = { advance: (world, _config, to) => { world.now = Math.max(world.now, to); }, settle: () => {} };
const service = (dialect: QueryService["dialect"]): QueryService => ({
  signingName: "echo", version: "2020-01-01", xmlNamespace: "http://echo.example/doc/2020-01-01/", dialect,
  clientErrorType: "ValidationError",
  engine: (state, call) => runCall({ Echo: (world, input) => ({ Input: input, Region: world.region }) }, still, state, call, invalidAction),
});
const ELB = service("awsQuery");
const EC2 = service("ec2Query");
const auth = (region: string) => `AWS4-HMAC-SHA256 Credential=AKID/20250101/${region}/echo/aws4_request, SignedHeaders=host, Signature=x`;
const form = (body: string, region = "eu-west-1") => ({ headers: { authorization: auth(region) }, body });
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml);

describe("query parameters", () => {
  it("reads awsQuery lists (.member.N), maps (.entry.N.key/value), nested structures and empty lists", () => {
    const p = new URLSearchParams(
      "Names.member.2=b&Names.member.1=a&SecurityGroups=&Tags.member.1.Key=k&Tags.member.1.Value=v" +
      "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight=3&Attrs.entry.1.key=x&Attrs.entry.1.value=y&Port=80",
    );
    expect(parseQueryParams(p)).toEqual({
      Names: ["a", "b"], SecurityGroups: "", Tags: [{ Key: "k", Value: "v" }],
      DefaultActions: [{ ForwardConfig: { TargetGroups: [{ Weight: "3" }] } }], Attrs: { x: "y" }, Port: "80",
    });
  });

  it("reads ec2Query's flattened lists (VpcId.N, Filter.N.Value.N) in index order", () => {
    const p = new URLSearchParams("VpcId.10=j&VpcId.2=b&VpcId.1=a&Filter.1.Name=vpc-id&Filter.1.Value.1=v1&Filter.1.Value.2=v2&Filter.2.Name=state");
    expect(parseQueryParams(p)).toEqual({
      VpcId: ["a", "b", "j"], Filter: [{ Name: "vpc-id", Value: ["v1", "v2"] }, { Name: "state" }],
    });
  });

  it("takes names like __proto__ and constructor as names, never as Object.prototype", () => {
    const parsed = parseQueryParams(new URLSearchParams("__proto__.polluted=1&A.__proto__.x=2&constructor=c&M.entry.1.key=__proto__&M.entry.1.value=v"));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.A)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed, "__proto__") && Object.hasOwn(parsed.A as object, "__proto__")).toBe(true);
    expect(parsed.constructor).toBe("c");
    expect(Object.hasOwn(parsed.M as object, "__proto__")).toBe(true);
  });

  it("refuses a parameter that is both a value and a structure", () => {
    expect(() => parseQueryParams(new URLSearchParams("A=x&A.B=y"))).toThrow(/both a value and a structure/);
    expect(() => parseQueryParams(new URLSearchParams("A.B=y&A=x"))).toThrow(/both a value and a structure/);
  });

  it("reads numbers, booleans and lists of the text the protocol carries", () => {
    const schema = z.object({ N: queryInt(), B: queryBool(), L: queryList(z.string(), { max: 2 }) });
    expect(schema.parse({ N: "42", B: "true", L: "" })).toEqual({ N: 42, B: true, L: [] });
    expect(schema.safeParse({ N: "4.2", B: "yes", L: ["a"] }).success).toBe(false);
    expect(schema.safeParse({ N: "1", B: "false", L: ["a", "b", "c"] }).success).toBe(false);
  });
});

describe("query calls", () => {
  it("reads the operation from Action, checks Version and takes the region from the credential scope", () => {
    expect(readQueryCall(ELB, form("Action=Echo&Version=2020-01-01&Names.member.1=a", "ap-south-1"))).toEqual({
      call: { op: "Echo", region: "ap-south-1", input: { Names: ["a"] } },
    });
    const error = (r: ReturnType<typeof readQueryCall>) => ("error" in r ? [r.error.type, r.error.status] : undefined);
    expect(error(readQueryCall(ELB, form("Version=2020-01-01")))).toEqual(["MissingAction", 400]);
    expect(error(readQueryCall(ELB, form("Action=Echo&Version=2019-01-01")))).toEqual(["InvalidAction", 400]);
    expect(error(readQueryCall(ELB, form("Action=Echo&Version=2020-01-01&A=1&A.B=2")))).toEqual(["ValidationError", 400]);
    expect(error(readQueryCall(ELB, form(`Action=Echo&Version=2020-01-01&A=${"x".repeat(1024 * 1024)}`)))).toEqual(["ValidationError", 413]);
  });

  it("answers awsQuery with <OpResponse><OpResult> and <member> lists, and errors as <ErrorResponse> of type Sender", () => {
    const state = initialState(1_700_000_000_000);
    const ok = ELB.engine(state, { op: "Echo", region: "eu-west-1", input: { Names: ["a", "b"], Empty: [], Flag: true }, realNow: 0 });
    const res = queryAnswer(ELB, "Echo", ok, "rid");
    expect(res.status).toBe(200);
    expect(res.headers).toEqual({ "content-type": "text/xml", "x-amzn-requestid": "rid" });
    expect(parse(res.body).EchoResponse).toEqual({
      "@_xmlns": ELB.xmlNamespace,
      EchoResult: { Input: { Names: { member: ["a", "b"] }, Empty: "", Flag: "true" }, Region: "eu-west-1" },
      ResponseMetadata: { RequestId: "rid" },
    });
    const unknown = queryAnswer(ELB, "Nope", ELB.engine(state, { op: "Nope", region: "eu-west-1", input: {}, realNow: 0 }), "rid");
    expect(unknown.status).toBe(400);
    expect(parse(unknown.body).ErrorResponse).toEqual({
      "@_xmlns": ELB.xmlNamespace, RequestId: "rid",
      Error: { Type: "Sender", Code: "InvalidAction", Message: "The action Nope is not valid for this web service." },
    });
    expect(parse(queryServerError(ELB, "busy", "rid").body).ErrorResponse.Error).toEqual({ Type: "Receiver", Code: "InternalFailure", Message: "busy" });
  });

  it("answers ec2Query without a Result wrapper, with <item> lists, and errors as <Response><Errors> with RequestID", () => {
    const state = initialState(1_700_000_000_000);
    const ok = EC2.engine(state, { op: "Echo", region: "eu-west-1", input: { vpcSet: [{ vpcId: "vpc-1" }] }, realNow: 0 });
    expect(parse(queryAnswer(EC2, "Echo", ok, "rid").body).EchoResponse).toEqual({
      "@_xmlns": EC2.xmlNamespace, requestId: "rid", Input: { vpcSet: { item: { vpcId: "vpc-1" } } }, Region: "eu-west-1",
    });
    const err = queryError(EC2, new AwsError("InvalidVpcID.NotFound", "The vpc ID 'vpc-1' does not exist"), "rid");
    expect(err.status).toBe(400);
    expect(parse(err.body)).toEqual({
      "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
      Response: { Errors: { Error: { Code: "InvalidVpcID.NotFound", Message: "The vpc ID 'vpc-1' does not exist" } }, RequestID: "rid" },
    });
    expect(parse(queryServerError(EC2, "busy", "rid").body).Response.Errors.Error.Code).toBe("InternalError");
  });

  it("escapes what it writes", () => {
    const res = queryAnswer(ELB, "Echo", { output: { Value: `<a href="x">&'` } }, "rid");
    expect(res.body).not.toContain("<a href");
    expect(new XMLParser({ parseTagValue: false }).parse(res.body).EchoResponse.EchoResult.Value).toBe(`<a href="x">&'`);
  });
});
