import {
  GetPolicyCommand, GetPolicyVersionCommand, GetRoleCommand, GetRolePolicyCommand, IAMClient, ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand, ListRolesCommand, type Role,
} from "@aws-sdk/client-iam";
import { IAM_LIMITS, type IamOperation } from "../domain/aws-limits";
import { allPages, defineAwsPort } from "./port";

const COMMANDS = {
  ListRoles: ListRolesCommand, GetRole: GetRoleCommand, ListRolePolicies: ListRolePoliciesCommand, GetRolePolicy: GetRolePolicyCommand,
  ListAttachedRolePolicies: ListAttachedRolePoliciesCommand, GetPolicy: GetPolicyCommand, GetPolicyVersion: GetPolicyVersionCommand,
} satisfies Record<IamOperation, unknown>;

/** A role's permissions as IAM holds them: its inline policies' documents and its attached policies' default versions. */
export type RolePolicies = { role: Role; documents: { name: string; document: string }[]; notRead: string[] };

/** The IAM reads a designer needs: the account's roles (every page), for the role pickers; a role's policies (ECS Exec's check). */
export interface IamPort {
  listRoles(): Promise<Role[]>;
  /** The role and the documents of its policies (URL-encoded JSON, as IAM returns them); an attached policy whose document cannot be read is named in `notRead`. */
  rolePolicies(roleName: string): Promise<RolePolicies>;
  destroy(): void;
}

/** IAM of an AWS account (or any implementation at `endpoint`), or the app's own sandbox in-process. */
export const { create: createIamPort, inProcess: createInProcessIamPort } = defineAwsPort<IamPort>()({
  Client: IAMClient, commands: COMMANDS, limits: IAM_LIMITS, sandboxPath: "/sandbox/aws",
  build: (port) => ({
    listRoles: () => allPages(async (Marker) => {
      const r = await port.send("ListRoles", { MaxItems: IAM_LIMITS.operations.ListRoles.page, Marker });
      return { items: r.Roles, nextToken: r.IsTruncated ? r.Marker : undefined };
    }),
    async rolePolicies(RoleName) {
      const { Role: role } = await port.send("GetRole", { RoleName });
      const names = await allPages(async (Marker) => {
        const r = await port.send("ListRolePolicies", { RoleName, MaxItems: IAM_LIMITS.operations.ListRolePolicies.page, Marker });
        return { items: r.PolicyNames, nextToken: r.IsTruncated ? r.Marker : undefined };
      });
      const documents: RolePolicies["documents"] = [];
      for (const PolicyName of names) {
        const r = await port.send("GetRolePolicy", { RoleName, PolicyName });
        documents.push({ name: PolicyName, document: r.PolicyDocument ?? "" });
      }
      const attached = await allPages(async (Marker) => {
        const r = await port.send("ListAttachedRolePolicies", { RoleName, MaxItems: IAM_LIMITS.operations.ListAttachedRolePolicies.page, Marker });
        return { items: r.AttachedPolicies, nextToken: r.IsTruncated ? r.Marker : undefined };
      });
      const notRead: string[] = [];
      for (const a of attached) {
        if (!a.PolicyArn) continue;
        try {
          const { Policy } = await port.send("GetPolicy", { PolicyArn: a.PolicyArn });
          const v = await port.send("GetPolicyVersion", { PolicyArn: a.PolicyArn, VersionId: Policy?.DefaultVersionId ?? "v1" });
          documents.push({ name: a.PolicyName ?? a.PolicyArn, document: v.PolicyVersion?.Document ?? "" });
        } catch {
          notRead.push(a.PolicyName ?? a.PolicyArn);
        }
      }
      return { role: role!, documents, notRead };
    },
  }),
});
