import { Box, Diagram, Label } from "./primitives";

export function LaunchTypesDiagram() {
  return (
    <Diagram
      title="EC2 launch type compared with Fargate"
      description="With EC2 you run the instances: ECS packs several tasks onto each, and you patch, scale and pay for the instances. With Fargate each task runs in its own isolated environment that AWS provides, sized by the task's cpu and memory; you pay for those per second and manage no servers."
      width={680}
      height={250}
    >
      {() => (
        <>
          <Label x={165} y={20} size={14} weight={700} className="fill-slate-900">EC2: your instances</Label>
          {[0, 1].map((i) => (
            <g key={i}>
              <rect x={20 + i * 150} y={34} width={140} height={140} rx={8} className="fill-amber-50 stroke-amber-500 dark:fill-amber-950" strokeWidth={1.5} />
              <Label x={90 + i * 150} y={52} size={12} weight={600} className="fill-amber-900 dark:fill-amber-100">m5.large #{i + 1}</Label>
              <Box x={32 + i * 150} y={62} w={116} h={28} tone="sky" label="task" size={12} />
              <Box x={32 + i * 150} y={96} w={116} h={28} tone="sky" label="task" size={12} />
              {i === 0 && <Box x={32} y={130} w={116} h={28} tone="sky" label="task" size={12} />}
              {i === 1 && <Box x={182} y={130} w={116} h={28} tone="slate" dashed label="free capacity" size={11} />}
            </g>
          ))}
          <Label x={165} y={198}>You choose, patch and scale the instances;</Label>
          <Label x={165} y={214}>tasks share them; placement decides where.</Label>

          <line x1={340} y1={20} x2={340} y2={230} className="stroke-slate-200" strokeWidth={1.5} />

          <Label x={510} y={20} size={14} weight={700} className="fill-slate-900">Fargate: no servers to manage</Label>
          {[0, 1, 2].map((i) => (
            <g key={i}>
              <rect x={370 + i * 100} y={34} width={88} height={100} rx={8} className="fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950" strokeWidth={1.5} />
              <Box x={380 + i * 100} y={46} w={68} h={28} tone="sky" label="task" size={12} />
              <Label x={414 + i * 100} y={96} size={11}>own kernel</Label>
              <Label x={414 + i * 100} y={112} size={11}>own ENI</Label>
            </g>
          ))}
          <Label x={510} y={160}>Each task is isolated and sized by its task cpu/memory</Label>
          <Label x={510} y={176}>(from a fixed table, e.g. 0.25 vCPU with 0.5–2 GB).</Label>
          <Label x={510} y={198}>Always awsvpc networking; pay per task per second.</Label>
        </>
      )}
    </Diagram>
  );
}
