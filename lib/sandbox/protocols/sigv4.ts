import { DEFAULT_REGION } from "../core/state";

// The sandbox checks no signature, but the SigV4 credential scope says where a call goes:
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
