import type { EnvironmentView } from "@/lib/actions/environment-types";
import { when } from "./when";

/** How an environment is reached, as anyone who may read it may see it: never the external id itself. */
export function EnvironmentSettings({ env }: { env: EnvironmentView }) {
  const rows: [string, string][] = env.kind === "sandbox"
    ? [["Kind", "Built-in sandbox (simulated ECS, no AWS account)"], ["Region", env.region]]
    : [
        ["Kind", "AWS account"],
        ["Region", env.region],
        ["Credentials", env.profile ? `named profile ${env.profile}` : "the server's default credential chain"],
        ["Role to assume", env.roleArn ?? "none"],
        ["External id", env.hasExternalId ? "set (kept on the server)" : "not set"],
        ["Endpoint", env.endpoint ?? "AWS's own"],
      ];
  rows.push(["Applies", env.readOnly ? "read-only: plans only, no applies" : "allowed"]);
  rows.push(["Added", when(env.createdAt)], ["Last changed", when(env.updatedAt)]);
  return (
    <dl data-testid="environment-settings" className="grid gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-[12rem_1fr]">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-slate-600">{k}</dt>
          <dd className="break-all font-mono text-slate-900">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
