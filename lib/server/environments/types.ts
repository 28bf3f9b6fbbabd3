import type { EnvironmentKind } from "./schemas";

/** What the browser may see of an environment: never the external id itself. */
export type EnvironmentView = {
  id: string;
  name: string;
  kind: EnvironmentKind;
  region: string;
  profile?: string;
  roleArn?: string;
  hasExternalId: boolean;
  endpoint?: string;
  readOnly: boolean;
  /** Applies need `requiredApprovals` approvals of the exact plan, each valid `approvalExpiryMinutes`. */
  protected: boolean;
  requiredApprovals: number;
  approvalExpiryMinutes: number;
  /** The built-in sandbox: always there, not deletable. */
  builtIn: boolean;
  createdAt: string;
  updatedAt: string;
};

export type ConnectionTest =
  | { ok: true; account?: string; region: string; clusterCount: number; clusters: string[]; answeredBy: string }
  | { ok: false; region: string; error: { name: string; message: string } };
