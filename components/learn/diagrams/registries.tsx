import { Arrow, Box, Diagram, Label } from "./primitives";

export function RegistriesDiagram() {
  return (
    <Diagram
      title="Images travel through a registry; tags move, digests do not"
      description="You build an image and push it to a registry such as Docker Hub or Amazon ECR. ECS pulls it on each host that runs the task. The tag 1.4 is a movable name: it pointed at digest sha256:3f1a before and at sha256:9c0d after a new push. A digest names exactly one image forever."
      width={680}
      height={260}
    >
      {(marker) => (
        <>
          <Box x={20} y={40} w={120} h={48} tone="sky" label="docker build" sub="on your laptop or CI" size={12} />
          <Arrow x1={142} y1={64} x2={228} y2={64} marker={marker} />
          <Label x={185} y={56} size={11}>push</Label>

          <rect x={232} y={20} width={236} height={140} rx={8} className="fill-white dark:fill-slate-100 stroke-slate-300" strokeWidth={1.5} />
          <Label x={350} y={40} size={13} weight={700} className="fill-slate-900">Registry</Label>
          <Label x={350} y={56} size={11}>Docker Hub · Amazon ECR · GHCR</Label>
          <Box x={248} y={68} w={204} h={30} tone="violet" label="repository: acme/shop" size={12} />
          <Box x={248} y={108} w={96} h={40} tone="amber" label="tag 1.4" sub="movable" size={12} />
          <Box x={352} y={108} w={100} h={40} tone="emerald" label="sha256:9c0d…" sub="immutable" size={11} />

          <Arrow x1={470} y1={90} x2={548} y2={90} marker={marker} />
          <Label x={509} y={82} size={11}>pull</Label>
          <Box x={552} y={62} w={110} h={56} tone="slate" label="ECS host" sub="pulls missing layers" size={12} />

          <Label x={20} y={196} anchor="start" weight={600} className="fill-slate-800">acme/shop:1.4</Label>
          <Label x={140} y={196} anchor="start">today → sha256:9c0d…, yesterday → sha256:3f1a… (someone pushed again)</Label>
          <Label x={20} y={220} anchor="start" weight={600} className="fill-slate-800">acme/shop@sha256:9c0d…</Label>
          <Label x={222} y={220} anchor="start">always the same bytes: what you tested is what runs</Label>
          <Label x={20} y={246} anchor="start" size={11}>ECR can make tags immutable per repository; ECS records the digest each task actually ran.</Label>
        </>
      )}
    </Diagram>
  );
}
