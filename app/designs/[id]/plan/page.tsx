import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { pageContext } from "@/lib/server/auth/page-context";
import { NotFoundError } from "@/lib/server/errors";
import { getDesign } from "@/lib/server/designs/get-design";
import { DesignIdSchema } from "@/lib/server/designs/schemas";
import { listEnvironments, SANDBOX_ENVIRONMENT_ID } from "@/lib/server/environments";
import { listApplyRequests } from "@/lib/server/approvals";
import { PlanWorkbench } from "@/components/plan/plan-workbench";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Plan & apply" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ env?: string; apply?: string }> };

export default async function PlanPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { env, apply } = await searchParams;
  const ctx = await pageContext("/designs/[id]/plan", { id });
  if (!DesignIdSchema.safeParse(id).success) notFound();
  let design;
  try {
    design = await getDesign({ ctx, input: { id } });
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const [environments, requests] = await Promise.all([listEnvironments({ ctx }), listApplyRequests({ ctx, input: { designId: id, status: "all" } })]);
  const environmentId = environments.some((e) => e.id === env) ? (env as string) : SANDBOX_ENVIRONMENT_ID;
  const applyId = apply && /^[0-9a-f-]{36}$/i.test(apply) ? apply : undefined;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="text-brand-700 hover:underline">Designs</Link>
        <span className="mx-1.5 text-slate-500" aria-hidden="true">/</span>
        <Link href={`/designs/${design.id}`} className="text-brand-700 hover:underline">{design.name}</Link>
        <span className="mx-1.5 text-slate-500" aria-hidden="true">/</span>
        <span className="text-slate-700" aria-current="page">Plan &amp; apply</span>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Plan &amp; apply “{design.name}”</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          A plan reads what the design touches in the environment and lists the ECS calls that would bring it to version {design.version}. Nothing changes until you apply.
        </p>
      </div>
      <PlanWorkbench design={{ id: design.id, name: design.name, version: design.version }} environments={environments} environmentId={environmentId} applyId={applyId}
        requests={requests} meId={ctx.actor.kind === "person" ? ctx.actor.person.id : undefined} />
    </div>
  );
}
