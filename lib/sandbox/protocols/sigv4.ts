import { AwsError } from "../core/errors";
import { DEFAULT_REGION } from "../core/state";

// The SigV4 credential scope says where a call goes:
// `Credential=AKID/20250101/eu-west-1/ecs/aws4_request` names the region (each region is a
// world of its own) and the service (what a router in front of several services dispatches on).

export type CredentialScope = { region: string; service: string };

export function credentialScope(authorization: string | undefined): CredentialScope | undefined {
  const m = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/.exec(authorization ?? "");
  return m ? { region: m[1], service: m[2] } : undefined;
}

/** The region of the credential scope, or the default region when there is none. */
export function regionOf(authorization: string | undefined): string {
  return credentialScope(authorization)?.region ?? DEFAULT_REGION;
}

/** What an `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header says. */
export type SigV4Authorization = {
  accessKeyId: string;
  /** The scope's date, `YYYYMMDD`. */
  date: string;
  region: string;
  service: string;
  /** Lower-case, in the order signed. */
  signedHeaders: string[];
  signature: string;
};

/**
 * The parts of a SigV4 Authorization header, or undefined for a header that is not one (another
 * scheme, a missing part). Only the header form: the sandbox's endpoints take POSTs, which the
 * SDKs and the CLI sign in the header, never in a presigned URL.
 */
export function parseAuthorization(authorization: string | undefined): SigV4Authorization | undefined {
  const m = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(authorization?.trim() ?? "");
  if (!m) return undefined;
  const parts = new Map<string, string>();
  for (const part of m[1].split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) parts.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const scope = /^([^/\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request$/.exec(parts.get("Credential") ?? "");
  const signedHeaders = parts.get("SignedHeaders");
  const signature = parts.get("Signature");
  if (!scope || !signedHeaders || !signature || !/^[0-9a-f]{64}$/.test(signature)) return undefined;
  return {
    accessKeyId: scope[1], date: scope[2], region: scope[3], service: scope[4],
    signedHeaders: signedHeaders.split(";").map((h) => h.trim().toLowerCase()).filter(Boolean), signature,
  };
}

/** `X-Amz-Date: 20261204T110000Z` as epoch milliseconds, or undefined when it is not one. */
export function parseAmzDate(value: string | undefined): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? "");
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return Number.isNaN(ms) ? undefined : ms;
}

/** How far a request's X-Amz-Date may be from the server's clock, either way: 15 minutes, as AWS allows. */
export const MAX_SIGNATURE_SKEW_MS = 15 * 60_000;

const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** Why a request's signature was not accepted. */
export type SignatureFailure =
  | { kind: "missing" }
  | { kind: "incomplete"; message: string }
  | { kind: "unknown-key" }
  | { kind: "mismatch" }
  | { kind: "expired"; signedAt: number; now: number };

/** The protocol a failure is answered in: AWS JSON 1.1 (ECS), awsQuery (ELBv2), ec2Query (EC2). */
export type AuthProtocol = "json" | "awsQuery" | "ec2Query";

const MISMATCH = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
const INVALID_TOKEN = "The security token included in the request is invalid.";
const EC2_AUTH = "AWS was not able to validate the provided access credentials";

function expiredMessage(signedAt: number, now: number): string {
  return signedAt < now
    ? `Signature expired: ${amzDate(signedAt)} is now earlier than ${amzDate(now - MAX_SIGNATURE_SKEW_MS)} (${amzDate(now)} - 15 min.)`
    : `Signature not yet current: ${amzDate(signedAt)} is still later than ${amzDate(now + MAX_SIGNATURE_SKEW_MS)} (${amzDate(now)} + 15 min.)`;
}

/**
 * A refused signature the way each protocol's AWS service answers it, so the SDKs throw the
 * exception they throw against AWS:
 *
 * |              | JSON 1.1 (ECS)                           | awsQuery (ELBv2)                  | ec2Query (EC2)              |
 * |--------------|------------------------------------------|-----------------------------------|-----------------------------|
 * | no signature | MissingAuthenticationTokenException 400  | MissingAuthenticationToken 403    | MissingAuthenticationToken 401 |
 * | unknown key  | UnrecognizedClientException 400          | InvalidClientTokenId 403          | AuthFailure 401             |
 * | wrong secret | InvalidSignatureException 400            | SignatureDoesNotMatch 403         | AuthFailure 401             |
 * | clock skew   | InvalidSignatureException 400            | SignatureDoesNotMatch 403         | RequestExpired 400          |
 * | malformed    | IncompleteSignatureException 400         | IncompleteSignature 400           | AuthFailure 401             |
 */
export function signatureError(protocol: AuthProtocol, failure: SignatureFailure): AwsError {
  const ec2 = protocol === "ec2Query";
  const json = protocol === "json";
  switch (failure.kind) {
    case "missing":
      return json
        ? new AwsError("MissingAuthenticationTokenException", "Missing Authentication Token", 400)
        : new AwsError("MissingAuthenticationToken", "Request is missing Authentication Token", ec2 ? 401 : 403);
    case "incomplete":
      if (ec2) return new AwsError("AuthFailure", EC2_AUTH, 401);
      return new AwsError(json ? "IncompleteSignatureException" : "IncompleteSignature", failure.message, 400);
    case "unknown-key":
      if (ec2) return new AwsError("AuthFailure", EC2_AUTH, 401);
      return json ? new AwsError("UnrecognizedClientException", INVALID_TOKEN, 400) : new AwsError("InvalidClientTokenId", INVALID_TOKEN, 403);
    case "mismatch":
      if (ec2) return new AwsError("AuthFailure", EC2_AUTH, 401);
      return json ? new AwsError("InvalidSignatureException", MISMATCH, 400) : new AwsError("SignatureDoesNotMatch", MISMATCH, 403);
    case "expired":
      if (ec2) return new AwsError("RequestExpired", "Request has expired.", 400);
      return json
        ? new AwsError("InvalidSignatureException", expiredMessage(failure.signedAt, failure.now), 400)
        : new AwsError("SignatureDoesNotMatch", expiredMessage(failure.signedAt, failure.now), 403);
  }
}

/** Reads change nothing: an operation named Describe…, List…, Get…, Discover… (ECS, ELBv2, EC2, IAM, Cloud Map alike) or Filter… (CloudWatch Logs' FilterLogEvents). */
// StartLiveTail only reads as well (IAM lists logs:StartLiveTail at the Read access level).
export const isReadOperation = (op: string) => /^(Describe|List|Get|Discover|Filter)[A-Z]/.test(op) || op === "StartLiveTail";

/**
 * A signed-in key whose person may not make this call (a viewer's key and a mutating call), as
 * each protocol answers a call IAM denies.
 */
export function accessDeniedError(protocol: AuthProtocol, op: string, principal: string, service: string): AwsError {
  const message = `User: ${principal} is not authorized to perform: ${service}:${op} on resource: * because the sandbox needs the editor role for it`;
  if (protocol === "json") return new AwsError("AccessDeniedException", message, 400);
  if (protocol === "ec2Query") return new AwsError("UnauthorizedOperation", "You are not authorized to perform this operation.", 403);
  return new AwsError("AccessDenied", message, 403);
}
