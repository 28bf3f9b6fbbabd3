import type { CountPoint, StartStopBucket } from "./chart";
import type { TimelineItem } from "./history";

// The shapes the monitor's GET routes answer with, shared by the server and the browser.

export type CallFigures = { minute: string; calls: Record<string, number> }[];

export type ClusterList = { envId: string; name: string; region: string; kind: string; clusters: string[]; error?: string };

export type PollerFigures = {
  envId: string; cluster: string; holder: string; thisInstanceHolds: boolean; polling: boolean; intervalMs: number;
  throttled: number; totals: Record<string, number>; perMinute: CallFigures;
};
export type Figures = { instance: string; pollers: PollerFigures[] };

export type HistoryRow = Record<string, unknown>;

export type ServiceHistory = {
  timeline: TimelineItem[];
  samples: CountPoint[];
  stoppedTasks: HistoryRow[];
  /** Task starts and stops per time bucket, from the flight recorder. */
  startsStops: StartStopBucket[];
};
