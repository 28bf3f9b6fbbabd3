import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { Checksum, SourceData } from "@smithy/types";
import { header, type HttpRequest } from "./protocols/http-message";
import { MAX_SIGNATURE_SKEW_MS, parseAmzDate, parseAuthorization, type SignatureFailure } from "./protocols/sigv4";

export type { SignatureFailure } from "./protocols/sigv4";

// Checking a request's SigV4 signature the way AWS does: the signature is computed again, with
// @smithy/signature-v4 (the SDK's own signer), from the request as it arrived (method, path,
// query, the headers it says it signed, the body) and the secret of the access key it names,
// and the two are compared in constant time. Which keys exist is the caller's business (`secretOf`).

/** A request as it arrived, with what SigV4 signs besides headers and body. */
export type ArrivedRequest = HttpRequest & {
  method: string;
  /** The path as the client sent it, without the query (`/sandbox/aws`). */
  path: string;
  /** The query string without `?` ("" for none). */
  query: string;
};

/** SHA-256 and HMAC-SHA256 over node:crypto, in the shape the SDK's signer takes. */
export class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", toBytes(this.secret));
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

function toBytes(data: SourceData): Uint8Array {
  if (typeof data === "string") return new TextEncoder().encode(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

function queryOf(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(query)) {
    const had = out[k];
    out[k] = had === undefined ? v : [had, v].flat();
  }
  return out;
}

const bodyBytes = (body: string | Uint8Array) => (typeof body === "string" ? new TextEncoder().encode(body) : body);

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Who signed a request: the access key id, once its signature checked out. */
export type Verified = { accessKeyId: string; region: string; service: string };

/**
 * The access key that signed `req`, or why the signature is refused. `secretOf` answers the
 * secret of a key that exists (undefined: no such key, or revoked); `now` is the server's clock.
 */
export async function verifySignature(
  req: ArrivedRequest,
  secretOf: (accessKeyId: string) => Promise<string | undefined>,
  now: number,
): Promise<{ ok: true; key: Verified } | { ok: false; failure: SignatureFailure }> {
  const authorization = header(req, "authorization");
  if (!authorization) return { ok: false, failure: { kind: "missing" } };
  const auth = parseAuthorization(authorization);
  if (!auth) {
    return { ok: false, failure: { kind: "incomplete", message: `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters of AWS4-HMAC-SHA256. Authorization=${authorization.split(" ")[0]}` } };
  }
  const amzDate = header(req, "x-amz-date");
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined || !auth.signedHeaders.includes("host") || !auth.signedHeaders.includes("x-amz-date") || amzDate?.slice(0, 8) !== auth.date) {
    return { ok: false, failure: { kind: "incomplete", message: "The request must sign the host and x-amz-date headers, and X-Amz-Date must be of the credential scope's date (YYYYMMDD'T'HHMMSS'Z')." } };
  }
  const secret = await secretOf(auth.accessKeyId);
  if (secret === undefined) return { ok: false, failure: { kind: "unknown-key" } };
  if (Math.abs(now - signedAt) > MAX_SIGNATURE_SKEW_MS) return { ok: false, failure: { kind: "expired", signedAt, now } };

  const body = bodyBytes(req.body);
  // A client that states the body's hash signs that statement: it must be the body's.
  const statedHash = header(req, "x-amz-content-sha256");
  if (statedHash !== undefined && statedHash !== "UNSIGNED-PAYLOAD" && !sameHex(statedHash, createHash("sha256").update(body).digest("hex"))) {
    return { ok: false, failure: { kind: "mismatch" } };
  }
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = header(req, name);
    if (value === undefined) return { ok: false, failure: { kind: "mismatch" } };
    headers[name] = value;
  }
  const signer = new SignatureV4({
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey: secret },
    region: auth.region, service: auth.service, sha256: NodeSha256, applyChecksum: false, uriEscapePath: true,
  });
  const signed = await signer.sign(
    { method: req.method.toUpperCase(), protocol: "http:", hostname: headers.host, path: req.path || "/", query: queryOf(req.query), headers, body },
    { signingDate: new Date(signedAt), signingRegion: auth.region, signingService: auth.service },
  );
  const expected = parseAuthorization(String(signed.headers.authorization))?.signature ?? "";
  if (!sameHex(expected, auth.signature)) return { ok: false, failure: { kind: "mismatch" } };
  return { ok: true, key: { accessKeyId: auth.accessKeyId, region: auth.region, service: auth.service } };
}
