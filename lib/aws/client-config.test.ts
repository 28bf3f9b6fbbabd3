import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { clientConfig, sessionTagValueOf, sourceIdentityOf } from "./client-config";

// The role session Stevedore asks STS for names the person it acts for. A loopback STS (the SDK
// finds it through AWS_ENDPOINT_URL_STS, as it would any endpoint override) records the
// AssumeRole form the real SDK sends and answers with credentials.

let server: Server;
const forms: URLSearchParams[] = [];
const saved = { ...process.env };

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      forms.push(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
      const expiration = new Date(Date.now() + 3600_000).toISOString();
      res.writeHead(200, { "content-type": "text/xml" });
      res.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>ASIAROLESESSION</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/deploy/stevedore</Arn><AssumedRoleId>AROA:stevedore</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    AWS_ACCESS_KEY_ID: "AKIAMASTERCREDENTIAL", AWS_SECRET_ACCESS_KEY: "master", AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  });
  delete process.env.AWS_PROFILE;
});
afterAll(async () => {
  for (const k of ["AWS_ENDPOINT_URL_STS", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_PROFILE"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  await new Promise((r) => server.close(r));
});

async function assumeAs(actingFor?: string): Promise<URLSearchParams> {
  forms.length = 0;
  const config = clientConfig({ region: "eu-west-1", roleArn: "arn:aws:iam::123456789012:role/deploy", ...(actingFor ? { actingFor } : {}) });
  const credentials = await (config.credentials as AwsCredentialIdentityProvider)();
  expect(credentials.accessKeyId).toBe("ASIAROLESESSION");
  expect(forms).toHaveLength(1);
  return forms[0];
}

describe("assuming an environment's role", () => {
  it("sets STS SourceIdentity and the stevedore-person session tag to the person's email", async () => {
    const form = await assumeAs("ana.lima@example.com");
    expect(form.get("Action")).toBe("AssumeRole");
    expect(form.get("RoleArn")).toBe("arn:aws:iam::123456789012:role/deploy");
    expect(form.get("SourceIdentity")).toBe("ana.lima@example.com");
    expect(form.get("Tags.member.1.Key")).toBe("stevedore-person");
    expect(form.get("Tags.member.1.Value")).toBe("ana.lima@example.com");
  });

  it("names the server itself \"stevedore\" when no person acts (the monitor's pollers)", async () => {
    const form = await assumeAs();
    expect(form.get("SourceIdentity")).toBe("stevedore");
    expect(form.get("Tags.member.1.Value")).toBe("stevedore");
  });
});

describe("the values STS accepts", () => {
  it("keeps a SourceIdentity to 2–64 characters of [\\w+=,.@-]", () => {
    expect(sourceIdentityOf("o'brien+ops@example.com")).toBe("o-brien+ops@example.com");
    expect(sourceIdentityOf(`${"a".repeat(70)}@example.com`)).toHaveLength(64);
    expect(sourceIdentityOf("x")).toBe("stevedore");
    expect(sourceIdentityOf("josé@exämple.com")).toMatch(/^[\w+=,.@-]{2,64}$/);
  });

  it("keeps a session tag value to 256 characters of letters, spaces, digits and _.:/=+-@", () => {
    expect(sessionTagValueOf("josé o'brien@example.com")).toBe("josé o-brien@example.com");
    expect(sessionTagValueOf("a".repeat(300))).toHaveLength(256);
  });
});
