import { LogoMark } from "@/components/shell/logo-mark";
import { NewDesignButton } from "../actions/new-design-dialog";
import { ImportDesignButton } from "../actions/import-design-dialog";
import { IfRole } from "@/components/auth/person-context";

const POINTS = [
  ["Design", "Lay out clusters, task definitions and the services that run them, with ECS's own field names."],
  ["Check", "ECS's rules — Fargate sizes, ports, network modes, launch types — checked all at once, each problem with a fix."],
  ["Bring your own", "Import a task definition or service JSON from the console or CLI, a Docker Compose file, Terraform or a CloudFormation template."],
] as const;

export function EmptyState() {
  return (
    <section data-testid="empty-state" aria-labelledby="empty-title" className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center shadow-sm sm:px-12">
      <LogoMark className="mx-auto h-12 w-12" />
      <h2 id="empty-title" className="mt-4 text-xl font-semibold text-slate-900">No designs yet</h2>
      <p className="mx-auto mt-2 max-w-xl text-slate-700">
        Stevedore helps you design Amazon ECS workloads and catch what ECS would reject before you deploy.
      </p>
      <ul className="mx-auto mt-8 grid max-w-3xl gap-4 text-left sm:grid-cols-3">
        {POINTS.map(([title, text]) => (
          <li key={title} className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
            <p className="font-semibold text-slate-900">{title}</p>
            <p className="mt-1 text-sm text-slate-700">{text}</p>
          </li>
        ))}
      </ul>
      <IfRole role="editor">
        <div className="mt-8 flex justify-center gap-3">
          <NewDesignButton />
          <ImportDesignButton />
        </div>
      </IfRole>
    </section>
  );
}
