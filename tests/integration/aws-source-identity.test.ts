import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor, type Actor } from "@/lib/domain/access";
import { appAwsPorts, withEcs } from "@/lib/server/aws-ports";
import type { EnvironmentRow } from "@/lib/server/environments/environment-record";
import { MemoryStore, Mutex } from "@/lib/sandbox/store";

// An AWS environment reached through a role: each operation's AWS port assumes it as the person
// of the operation's context. One loopback server plays STS (through AWS_ENDPOINT_URL_STS, as
// the SDK reads any endpoint override) and the environment's ECS endpoint; the real SDK signs
// and sends both.

let server: Server;
const assumed: URLSearchParams[] = [];
const ecsCalls: string[] = [];
const saved = { ...process.env };
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const target = req.headers["x-amz-target"];
      if (typeof target === "string") {
        ecsCalls.push(`${target.split(".")[1]} as ${/Credential=(\w+)\//.exec(req.headers.authorization ?? "")?.[1]}`);
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
        return void res.end(JSON.stringify({ clusterArns: [] }));
      }
      assumed.push(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
      const exp = new Date(Date.now() + 3600_000).toISOString();
      res.writeHead(200, { "content-type": "text/xml" });
      res.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>ASIASESSION${assumed.length}</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>${exp}</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/deploy/stevedore</Arn><AssumedRoleId>AROA:stevedore</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_STS: url, AWS_ACCESS_KEY_ID: "AKIAMASTERCREDENTIAL", AWS_SECRET_ACCESS_KEY: "master",
    AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  });
});
afterAll(async () => {
  for (const k of ["AWS_ENDPOINT_URL_STS", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  await new Promise((r) => server.close(r));
});

const env = (): EnvironmentRow => ({
  id: "7d4f1f0e-3f5b-4c8e-9f00-000000000001", name: "prod", kind: "aws", region: "eu-west-1", profile: null,
  roleArn: `arn:aws:iam::123456789012:role/deploy-${Date.now()}`, externalIdSecret: null, endpoint: url, readOnly: false, protected: false, requiredApprovals: 1, approvalExpiryMinutes: 60,
  createdAt: new Date(), updatedAt: new Date(),
});
const person = (email: string): Actor => ({ kind: "person", person: { id: "p", email, name: "P", role: "admin", groups: [] }, sessionId: "s" });
const sandbox = { store: new MemoryStore(), mutex: new Mutex(), now: () => Date.now() };

describe("assuming an environment's role for an operation", () => {
  it("names the operation's person as the role session's SourceIdentity and stevedore-person tag, one session each", async () => {
    const e = env();
    assumed.length = 0;
    ecsCalls.length = 0;
    await withEcs({ aws: appAwsPorts(sandbox, person("ana@example.com")) }, e, (ecs) => ecs.listClusters());
    await withEcs({ aws: appAwsPorts(sandbox, person("bo@example.com")) }, e, (ecs) => ecs.listClusters());
    expect(assumed.map((f) => [f.get("RoleArn"), f.get("SourceIdentity"), f.get("Tags.member.1.Key"), f.get("Tags.member.1.Value")])).toEqual([
      [e.roleArn, "ana@example.com", "stevedore-person", "ana@example.com"],
      [e.roleArn, "bo@example.com", "stevedore-person", "bo@example.com"],
    ]);
    // Each person's calls go with their own role session's credentials.
    expect(ecsCalls).toEqual(["ListClusters as ASIASESSION1", "ListClusters as ASIASESSION2"]);
  });

  it("names the server itself \"stevedore\" for its own work (the monitor's pollers)", async () => {
    assumed.length = 0;
    await withEcs({ aws: appAwsPorts(sandbox, systemActor("monitor")) }, env(), (ecs) => ecs.listClusters());
    expect(assumed.map((f) => f.get("SourceIdentity"))).toEqual(["stevedore"]);
  });
});
