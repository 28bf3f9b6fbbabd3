import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AttachRolePolicyCommand, CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, DetachRolePolicyCommand, GetRoleCommand, GetRolePolicyCommand,
  IAMClient, IAMServiceException, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand, ListRolesCommand, PutRolePolicyCommand, paginateListRoles,
} from "@aws-sdk/client-iam";
import { rejection as failed, startSandbox } from "./server";

// IAM's roles over the awsQuery protocol, through the real IAMClient at /sandbox/aws. IAM is
// global: a client of another Region sees the same roles.

let sb: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => { sb = await startSandbox("eu-west-1"); });
afterAll(async () => { await sb.close(); });

const rejection = (call: Promise<unknown>) => failed<IAMServiceException>(call);
const trust = (service: string) => JSON.stringify({
  Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
});
const EXECUTION_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

describe("IAM roles over the awsQuery protocol", () => {
  it("creates a role, gets it with its tags and trust policy (URL-encoded, as IAM returns it) and lists it", async () => {
    const { Role } = await sb.aws.iam.send(new CreateRoleCommand({
      RoleName: "ecsTaskExecutionRole", AssumeRolePolicyDocument: trust("ecs-tasks.amazonaws.com"), Description: "pulls images, writes logs",
      Tags: [{ Key: "team", Value: "platform" }],
    }));
    expect(Role).toMatchObject({ RoleName: "ecsTaskExecutionRole", Path: "/", Arn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole", MaxSessionDuration: 3600 });
    expect(Role!.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(Role!.CreateDate).toBeInstanceOf(Date);

    const got = await sb.aws.iam.send(new GetRoleCommand({ RoleName: "ECSTASKEXECUTIONROLE" }));
    expect(got.Role).toMatchObject({ RoleName: "ecsTaskExecutionRole", Tags: [{ Key: "team", Value: "platform" }], Description: "pulls images, writes logs" });
    expect(JSON.parse(decodeURIComponent(got.Role!.AssumeRolePolicyDocument!)).Statement[0].Principal.Service).toBe("ecs-tasks.amazonaws.com");

    const { Roles, IsTruncated } = await sb.aws.iam.send(new ListRolesCommand({}));
    expect(Roles?.map((r) => r.RoleName)).toEqual(["ecsTaskExecutionRole"]);
    expect(IsTruncated).toBe(false);
  });

  it("is global: a client of another Region lists the same roles", async () => {
    const other = new IAMClient({ endpoint: sb.aws.endpoint, region: "ap-southeast-2", maxAttempts: 1, credentials: sb.credentials });
    try {
      const { Roles } = await other.send(new ListRolesCommand({}));
      expect(Roles?.map((r) => r.RoleName)).toContain("ecsTaskExecutionRole");
    } finally {
      other.destroy();
    }
  });

  it("pages with MaxItems and Marker, and filters by path", async () => {
    for (let i = 0; i < 5; i++) {
      await sb.aws.iam.send(new CreateRoleCommand({ RoleName: `app-${i}`, Path: "/apps/", AssumeRolePolicyDocument: trust("ecs-tasks.amazonaws.com") }));
    }
    const names: string[] = [];
    for await (const p of paginateListRoles({ client: sb.aws.iam, pageSize: 2 }, { PathPrefix: "/apps/" })) names.push(...(p.Roles ?? []).map((r) => r.RoleName!));
    expect(names).toEqual(["app-0", "app-1", "app-2", "app-3", "app-4"]);
    const first = await sb.aws.iam.send(new ListRolesCommand({ MaxItems: 2 }));
    expect(first.IsTruncated).toBe(true);
    expect(first.Marker).toBeTruthy();
  });

  it("attaches managed policies and refuses to delete a role until they are detached", async () => {
    await sb.aws.iam.send(new AttachRolePolicyCommand({ RoleName: "app-0", PolicyArn: EXECUTION_POLICY }));
    const { AttachedPolicies } = await sb.aws.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "app-0" }));
    expect(AttachedPolicies).toEqual([{ PolicyName: "AmazonECSTaskExecutionRolePolicy", PolicyArn: EXECUTION_POLICY }]);

    const conflict = await rejection(sb.aws.iam.send(new DeleteRoleCommand({ RoleName: "app-0" })));
    expect(conflict.name).toBe("DeleteConflictException");
    expect(conflict.message).toBe("Cannot delete entity, must detach all policies first.");
    expect(conflict.$metadata.httpStatusCode).toBe(409);

    await sb.aws.iam.send(new DetachRolePolicyCommand({ RoleName: "app-0", PolicyArn: EXECUTION_POLICY }));
    await sb.aws.iam.send(new DeleteRoleCommand({ RoleName: "app-0" }));
    const gone = await rejection(sb.aws.iam.send(new GetRoleCommand({ RoleName: "app-0" })));
    expect(gone.name).toBe("NoSuchEntityException");
    expect(gone.message).toBe("The role with name app-0 cannot be found.");
    expect(gone.$metadata.httpStatusCode).toBe(404);
  });

  it("answers IAM's errors: a duplicate name, a malformed trust policy, a bad name, an unknown policy", async () => {
    const dup = await rejection(sb.aws.iam.send(new CreateRoleCommand({ RoleName: "APP-1", AssumeRolePolicyDocument: trust("ecs-tasks.amazonaws.com") })));
    expect([dup.name, dup.message]).toEqual(["EntityAlreadyExistsException", "Role with name APP-1 already exists."]);

    const json = await rejection(sb.aws.iam.send(new CreateRoleCommand({ RoleName: "broken", AssumeRolePolicyDocument: "{not json" })));
    expect([json.name, json.message]).toEqual(["MalformedPolicyDocumentException", "This policy contains invalid Json"]);
    const resource = await rejection(sb.aws.iam.send(new CreateRoleCommand({
      RoleName: "broken", AssumeRolePolicyDocument: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:AssumeRole", Resource: "*" }] }),
    })));
    expect(resource.message).toBe("Has prohibited field Resource");

    const name = await rejection(sb.aws.iam.send(new CreateRoleCommand({ RoleName: "bad name", AssumeRolePolicyDocument: trust("ecs-tasks.amazonaws.com") })));
    expect(name.name).toBe("ValidationError");
    expect(name.message).toContain("at 'roleName' failed to satisfy constraint");

    const policy = await rejection(sb.aws.iam.send(new AttachRolePolicyCommand({ RoleName: "app-1", PolicyArn: "arn:aws:iam::000000000000:policy/mine" })));
    expect([policy.name, policy.message]).toEqual(["NoSuchEntityException", "Policy arn:aws:iam::000000000000:policy/mine does not exist or is not attachable."]);
  });

  it("keeps inline policies: put, get (URL-encoded), list, delete; a role with one cannot be deleted", async () => {
    await sb.aws.iam.send(new CreateRoleCommand({ RoleName: "exec-task", AssumeRolePolicyDocument: trust("ecs-tasks.amazonaws.com") }));
    const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["ssmmessages:CreateControlChannel", "ssmmessages:OpenDataChannel"], Resource: "*" }] });
    await sb.aws.iam.send(new PutRolePolicyCommand({ RoleName: "exec-task", PolicyName: "ecs-exec", PolicyDocument: doc }));
    const got = await sb.aws.iam.send(new GetRolePolicyCommand({ RoleName: "exec-task", PolicyName: "ecs-exec" }));
    expect(got).toMatchObject({ RoleName: "exec-task", PolicyName: "ecs-exec" });
    expect(JSON.parse(decodeURIComponent(got.PolicyDocument!))).toEqual(JSON.parse(doc));
    expect((await sb.aws.iam.send(new ListRolePoliciesCommand({ RoleName: "exec-task" }))).PolicyNames).toEqual(["ecs-exec"]);
    const conflict = await rejection(sb.aws.iam.send(new DeleteRoleCommand({ RoleName: "exec-task" })));
    expect([conflict.name, conflict.message]).toEqual(["DeleteConflictException", "Cannot delete entity, must delete policies first."]);
    const malformed = await rejection(sb.aws.iam.send(new PutRolePolicyCommand({ RoleName: "exec-task", PolicyName: "bad", PolicyDocument: "{" })));
    expect([malformed.name, malformed.message]).toEqual(["MalformedPolicyDocumentException", "Syntax errors in policy."]);
    await sb.aws.iam.send(new DeleteRolePolicyCommand({ RoleName: "exec-task", PolicyName: "ecs-exec" }));
    const gone = await rejection(sb.aws.iam.send(new GetRolePolicyCommand({ RoleName: "exec-task", PolicyName: "ecs-exec" })));
    expect([gone.name, gone.message]).toEqual(["NoSuchEntityException", "The role policy with name ecs-exec cannot be found."]);
    await sb.aws.iam.send(new DeleteRoleCommand({ RoleName: "exec-task" }));
  });
});
