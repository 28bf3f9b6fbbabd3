import type { Design } from "@/lib/domain/design";
import type { NodeKind, Resolved } from "@/lib/domain/designer";

/** What every inspector panel receives: the node, its resolved resource and the design (for pickers). */
export type PanelProps<K extends NodeKind> = { nodeId: string; r: Extract<Resolved, { kind: K }>; design: Design };
