import { Arrow, Box, Diagram, Label } from "./primitives";

export function EcsHierarchyDiagram() {
  return (
    <Diagram
      title="Container definition, task definition, service and cluster"
      description="A task definition is a blueprint holding one or more container definitions. A service inside a cluster keeps a desired number of tasks, each a running copy of the blueprint, and replaces any that stop. The cluster is where the tasks run: EC2 instances you own or Fargate capacity."
      width={680}
      height={300}
    >
      {(marker) => (
        <>
          <rect x={16} y={34} width={176} height={190} rx={8} className="fill-violet-50 stroke-violet-500 dark:fill-violet-950" strokeWidth={1.5} strokeDasharray="5 4" />
          <Label x={104} y={54} size={13} weight={700} className="fill-violet-900 dark:fill-violet-100">Task definition</Label>
          <Label x={104} y={70} size={11}>blueprint · “web:7”</Label>
          <Box x={30} y={82} w={148} h={54} tone="sky" label="Container definition" sub="web: image, port 80" size={12} />
          <Box x={30} y={144} w={148} h={54} tone="sky" label="Container definition" sub="log-router: image" size={12} />
          <Label x={104} y={216} size={11}>+ task cpu, memory, roles</Label>

          <Arrow x1={196} y1={128} x2={250} y2={128} marker={marker} />
          <Label x={223} y={120} size={11}>runs as</Label>

          <rect x={256} y={20} width={408} height={228} rx={10} className="fill-indigo-50 stroke-indigo-500 dark:fill-indigo-950" strokeWidth={1.5} />
          <Label x={272} y={40} anchor="start" size={13} weight={700} className="fill-indigo-900 dark:fill-indigo-100">Cluster “shop”</Label>
          <rect x={272} y={52} width={376} height={180} rx={8} className="fill-white dark:fill-slate-100 stroke-blue-500" strokeWidth={1.5} />
          <Label x={288} y={72} anchor="start" size={13} weight={700} className="fill-blue-900 dark:fill-blue-200">Service “web” · desired count 3</Label>
          {[0, 1, 2].map((i) => (
            <g key={i}>
              <rect x={288 + i * 120} y={86} width={108} height={124} rx={6} className="fill-slate-50 stroke-slate-400" strokeWidth={1.5} />
              <Label x={342 + i * 120} y={104} size={12} weight={600} className="fill-slate-800">Task {i + 1}</Label>
              <Box x={298 + i * 120} y={114} w={88} h={36} tone="sky" label="web" size={12} />
              <Box x={298 + i * 120} y={158} w={88} h={36} tone="sky" label="log-router" size={11} />
            </g>
          ))}
          <Label x={340} y={272} size={12}>A task that stops is replaced until 3 run again.</Label>
          <Label x={104} y={272} size={12}>One blueprint, many copies.</Label>
        </>
      )}
    </Diagram>
  );
}
