import { FIGURES } from "@/lib/domain/lab/vms";
import { Box, Diagram, Label } from "./primitives";

// The image lab's sourced figures (VMs vs containers tab), so the picture and the lab tell one story.
const GUEST_GB = FIGURES.guestOsDiskMb.value / 1024;
const BOOT_S = FIGURES.vmBootSeconds.value;
const START_MS = FIGURES.containerStartSeconds.value * 1000;

const apps = ["App A", "App B", "App C"];

export function ContainersVsVmsDiagram() {
  return (
    <Diagram
      title="Virtual machines compared with containers"
      description={`Left: three virtual machines on a hypervisor, each with its own guest operating system, libraries and app. Right: three containers on one host operating system, sharing its kernel through a container runtime, each carrying only libraries and app. Each virtual machine carries a guest operating system of gigabytes (${GUEST_GB} GB at the least) and boots it in ${BOOT_S} seconds or more; a container carries megabytes and starts in about ${START_MS} milliseconds, plus its app's own start.`}
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
          <Label x={157} y={232} weight={600} className="fill-slate-800">{`≥ ${GUEST_GB} GB guest OS per VM · boots in ≥ ${BOOT_S} s`}</Label>
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
          <Label x={517} y={232} weight={600} className="fill-slate-800">{`Megabytes per image · starts in ~${START_MS} ms`}</Label>
          <Label x={517} y={250}>Isolation by kernel namespaces and cgroups</Label>
        </>
      )}
    </Diagram>
  );
}
