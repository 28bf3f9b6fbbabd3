import { Box, Diagram, Label } from "./primitives";

const apps = ["App A", "App B", "App C"];

export function ContainersVsVmsDiagram() {
  return (
    <Diagram
      title="Virtual machines compared with containers"
      description="Left: three virtual machines on a hypervisor, each with its own guest operating system, libraries and app. Right: three containers on one host operating system, sharing its kernel through a container runtime, each carrying only libraries and app. Virtual machines weigh gigabytes and boot in minutes; containers weigh megabytes and start in seconds."
      width={680}
      height={300}
    >
      {() => (
        <>
          <Label x={160} y={20} size={14} weight={700} className="fill-slate-900">Virtual machines</Label>
          {apps.map((a, i) => (
            <g key={a}>
              <Box x={20 + i * 95} y={34} w={85} h={30} tone="sky" label={a} size={12} />
              <Box x={20 + i * 95} y={68} w={85} h={26} tone="slate" label="Libraries" size={11} />
              <Box x={20 + i * 95} y={98} w={85} h={34} tone="amber" label="Guest OS" sub="own kernel" size={12} />
            </g>
          ))}
          <Box x={20} y={140} w={275} h={30} tone="rose" label="Hypervisor" size={12} />
          <Box x={20} y={174} w={275} h={30} tone="slate" label="Host hardware" size={12} />
          <Label x={157} y={232} weight={600} className="fill-slate-800">Gigabytes per VM · boots in minutes</Label>
          <Label x={157} y={250}>Strong isolation: a whole machine per VM</Label>

          <line x1={340} y1={20} x2={340} y2={270} className="stroke-slate-200" strokeWidth={1.5} />

          <Label x={520} y={20} size={14} weight={700} className="fill-slate-900">Containers</Label>
          {apps.map((a, i) => (
            <g key={a}>
              <Box x={380 + i * 95} y={34} w={85} h={30} tone="sky" label={a} size={12} />
              <Box x={380 + i * 95} y={68} w={85} h={26} tone="slate" label="Libraries" size={11} />
            </g>
          ))}
          <Box x={380} y={102} w={275} h={30} tone="violet" label="Container runtime (e.g. containerd)" size={12} />
          <Box x={380} y={140} w={275} h={30} tone="amber" label="Host OS — one shared kernel" size={12} />
          <Box x={380} y={174} w={275} h={30} tone="slate" label="Host hardware" size={12} />
          <Label x={517} y={232} weight={600} className="fill-slate-800">Megabytes per image · starts in seconds</Label>
          <Label x={517} y={250}>Isolation by kernel namespaces and cgroups</Label>
        </>
      )}
    </Diagram>
  );
}
