import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BaselineFlow } from "./baseline-flow";

// The canvas benchmark's yardstick (bench/canvas/run-canvas-bench.ts): plain React Flow with N
// simple card nodes and E edges, nothing of Stevedore's. Only served when the server runs with
// STEVEDORE_BENCH=1, so a production deployment never exposes it.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "React Flow baseline", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function int(v: string | string[] | undefined, fallback: number, max: number): number {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isFinite(n) && n >= 0 ? Math.min(Math.floor(n), max) : fallback;
}

export default async function ReactFlowBaselinePage({ searchParams }: Props) {
  if (process.env.STEVEDORE_BENCH !== "1") notFound();
  const q = await searchParams;
  const nodes = int(q.n, 500, 5000);
  const edges = int(q.e, nodes, 10000);
  // The designer canvas's box on screen (measured by the benchmark), so both draw into the same viewport.
  const box = { left: int(q.x, 0, 10000), top: int(q.y, 65, 10000), width: int(q.w, 1024, 10000), height: int(q.h, 800, 10000) };
  return (
    <div className="fixed z-10 bg-slate-50" style={box}>
      <BaselineFlow nodes={nodes} edges={edges} />
    </div>
  );
}
