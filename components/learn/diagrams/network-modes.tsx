import { Arrow, Box, Diagram, Label } from "./primitives";

export function NetworkModesDiagram() {
  return (
    <Diagram
      title="The four network modes of a task"
      description="none: the container has only a loopback interface and no outside network. bridge: containers sit behind the host's Docker bridge; a host port such as 49153 is forwarded to the container's port 80. host: the container uses the host's own network interface, so its port 80 is the host's port 80. awsvpc: each task gets its own elastic network interface and private IP address, and its containers share it."
      width={680}
      height={250}
    >
      {(marker) => (
        <>
          {["none", "bridge", "host", "awsvpc"].map((m, i) => (
            <g key={m}>
              <rect x={10 + i * 168} y={10} width={156} height={196} rx={8} className="fill-white dark:fill-slate-100 stroke-slate-300" strokeWidth={1.5} />
              <text x={88 + i * 168} y={32} textAnchor="middle" fontSize={14} fontWeight={700} fontFamily="var(--font-mono)" className="fill-slate-900">{m}</text>
            </g>
          ))}
          {/* none */}
          <Box x={30} y={60} w={116} h={56} tone="sky" label="container" sub="lo only" size={12} />
          <Label x={88} y={150} size={11}>No network at all:</Label>
          <Label x={88} y={166} size={11}>batch jobs that need</Label>
          <Label x={88} y={182} size={11}>nothing outside</Label>

          {/* bridge */}
          <Box x={198} y={48} w={116} h={36} tone="sky" label="container :80" size={12} />
          <Box x={198} y={110} w={116} h={28} tone="violet" label="docker0 bridge" size={11} />
          <Box x={198} y={160} w={116} h={30} tone="amber" label="host :49153" size={12} />
          <Arrow x1={256} y1={158} x2={256} y2={140} marker={marker} />
          <Arrow x1={256} y1={108} x2={256} y2={86} marker={marker} />

          {/* host */}
          <Box x={366} y={54} w={116} h={36} tone="sky" label="container" size={12} />
          <Box x={366} y={98} w={116} h={36} tone="amber" label="host eth0 :80" size={12} />
          <Label x={424} y={160} size={11}>Shares the host’s</Label>
          <Label x={424} y={176} size={11}>interface: one :80</Label>
          <Label x={424} y={192} size={11}>per instance</Label>

          {/* awsvpc */}
          <rect x={530} y={46} width={128} height={96} rx={6} className="fill-slate-50 stroke-slate-400" strokeWidth={1.5} />
          <Label x={594} y={62} size={11} weight={600} className="fill-slate-800">task</Label>
          <Box x={538} y={70} w={54} h={28} tone="sky" label=":80" size={11} />
          <Box x={598} y={70} w={54} h={28} tone="sky" label=":9000" size={11} />
          <Label x={594} y={124} size={11}>share localhost</Label>
          <Box x={530} y={152} w={128} h={40} tone="emerald" label="ENI 10.0.1.23" sub="its own IP + SG" size={12} />

          <Label x={340} y={236} size={12}>Fargate requires awsvpc; on EC2 bridge is the default, host and awsvpc are options.</Label>
        </>
      )}
    </Diagram>
  );
}
