import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { pageContext } from "@/lib/server/auth/page-context";
import { NotFoundError } from "@/lib/server/errors";
import { getDesign } from "@/lib/server/designs/get-design";
import { DesignIdSchema } from "@/lib/server/designs/schemas";
import { lessonForDesign } from "@/lib/server/learn/lesson-for-design";
import { Canvas } from "@/components/designer/canvas";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** One read per request, shared by generateMetadata and the page; a malformed or unknown id is a 404. */
const load = cache(async (id: string) => {
  const ctx = await pageContext("/designs/[id]/canvas", { id });
  if (!DesignIdSchema.safeParse(id).success) notFound();
  try {
    return { ctx, design: await getDesign({ ctx, input: { id } }) };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { design } = await load((await params).id);
  return { title: `Canvas · ${design.name}` };
}

export default async function CanvasPage({ params }: Props) {
  const { ctx, design } = await load((await params).id);
  // A lesson's design shows where the learner stands, as of this page load (checks run on the lesson page).
  const lesson = await lessonForDesign({ ctx, input: { designId: design.id } });
  // Fixed below the 4rem site header so the canvas fills the window, outside the page's max width.
  return (
    <div className="fixed inset-x-0 bottom-0 top-[65px] z-10 bg-slate-50">
      <Canvas designId={design.id} name={design.name} version={design.version} design={design.document} lesson={lesson ?? undefined} />
    </div>
  );
}
