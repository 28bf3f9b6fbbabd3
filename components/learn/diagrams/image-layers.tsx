import { baseImage } from "@/lib/domain/lab/base-images";
import { Arrow, Box, Diagram, Label } from "./primitives";

// The image lab's own starting base (lib/domain/lab/starter.ts), with the catalogue's real layer count and size.
const BASE = baseImage("node:18-alpine")!;
const BASE_MB = (BASE.layers.reduce((n, l) => n + l.size, 0) / 1e6).toFixed(1);

const lines = [
  { code: `FROM ${BASE.ref}`, layer: `Base image: ${BASE.layers.length} layers, ${BASE_MB} MB`, note: "shared by every image built on it", tone: "slate" as const },
  { code: "WORKDIR /app", layer: "Empty directory /app", note: "tiny: metadata and a folder", tone: "sky" as const },
  { code: "COPY package*.json ./", layer: "package.json files", note: "changes rarely: stays cached", tone: "sky" as const },
  { code: "RUN npm ci", layer: "node_modules", note: "the big one, rebuilt only if the line above changed", tone: "sky" as const },
  { code: "COPY . .", layer: "Your source code", note: "changes on every build", tone: "sky" as const },
];

export function ImageLayersDiagram() {
  const top = 40;
  const row = 38;
  return (
    <Diagram
      title="A Dockerfile builds an image out of read-only layers"
      description="Each Dockerfile instruction on the left adds one read-only layer on the right: base image, working directory, package files, installed dependencies, source code. A running container adds one thin writable layer on top, which disappears with the container."
      width={680}
      height={312}
    >
      {(marker) => (
        <>
          <Label x={20} y={22} anchor="start" size={13} weight={700} className="fill-slate-900">Dockerfile</Label>
          <Label x={390} y={22} anchor="start" size={13} weight={700} className="fill-slate-900">Image (bottom to top)</Label>
          <Box x={390} y={top} w={270} h={32} tone="emerald" dashed label="Container’s writable layer" size={12} />
          <Label x={525} y={top + 46} size={11}>added at run time · lost when the container is removed</Label>
          {lines.map((l, i) => {
            const y = top + 60 + (lines.length - 1 - i) * row;
            const codeY = top + 60 + i * row;
            return (
              <g key={l.code}>
                <rect x={20} y={codeY} width={230} height={30} rx={4} className="fill-slate-800" />
                <text x={30} y={codeY + 19} fontSize={12} fontFamily="var(--font-mono)" className="fill-slate-50">{l.code}</text>
                <Arrow x1={254} y1={codeY + 15} x2={386} y2={y + 15} marker={marker} className="stroke-slate-400" />
                <Box x={390} y={y} w={270} h={30} tone={l.tone} label={l.layer} size={12} />
              </g>
            );
          })}
          <Label x={20} y={304} anchor="start" size={11}>Layers are read-only and content-addressed: pulling an image downloads only the layers the host lacks.</Label>
        </>
      )}
    </Diagram>
  );
}
