"use client";

import { memo, useState } from "react";
import { ReactFlowProvider } from "@xyflow/react";
import type { Design } from "@/lib/domain/design";
import { sameJson } from "@/lib/domain/designer";
import type { LessonBarView } from "@/lib/domain/learn/view";
import { FlowWrapperProvider } from "./flow-context";
import { FlowView } from "./flow-view";
import { Inspector } from "./inspector/inspector";
import { LessonBar } from "./lesson-bar";
import { Notice } from "./notice";
import { Palette } from "./palette";
import { ProblemsPanel } from "./problems-panel";
import { EditorProvider, useEditorStore } from "./store/context";
import { Toolbar } from "./toolbar";
import { useAutosave } from "./use-autosave";
import { useShortcuts } from "./use-shortcuts";
import { PlanOverlayProvider } from "./plan-overlay";
import { LiveOverlayProvider } from "./live-overlay";
import { LiveScenePanel } from "./live-scene";
import { NetworkSourceProvider } from "./network-source";

/** `lesson`: set when the design is a lesson's, with the learner's place in it at page load. */
export type CanvasProps = { designId: string; name: string; version: number; design: Design; lesson?: LessonBarView };

/** The design editor: palette, canvas, inspector and problems around one store per editor. */
export function Canvas(props: CanvasProps) {
  return (
    <EditorProvider designId={props.designId} name={props.name} version={props.version} design={props.design}>
      <ReactFlowProvider>
        <FlowWrapperProvider>
          <Editor designId={props.designId} lesson={props.lesson} />
        </FlowWrapperProvider>
      </ReactFlowProvider>
    </EditorProvider>
  );
}

/**
 * The page's props come back after every save (the save revalidates the design's pages, so
 * Next sends this page again); the store ignores them, and the editor renders again only
 * when what it shows of them changed.
 */
const Editor = memo(function Editor({ designId, lesson }: { designId: string; lesson?: LessonBarView }) {
  const store = useEditorStore();
  useAutosave(store);
  useShortcuts(store);
  const [snap, setSnap] = useState(true);
  const [planOn, setPlanOn] = useState(false);
  const [liveOn, setLiveOn] = useState(false);
  return (
    <PlanOverlayProvider designId={designId} enabled={planOn}>
    <LiveOverlayProvider designId={designId} enabled={liveOn}>
    <NetworkSourceProvider>
    <div className="flex h-full flex-col" data-testid="designer">
      <Toolbar designId={designId} snap={snap} onSnap={setSnap} planOn={planOn} onPlan={setPlanOn} liveOn={liveOn} onLive={setLiveOn} />
      {lesson && <LessonBar lesson={lesson} />}
      <div className="flex min-h-0 flex-1">
        <Palette />
        <div className="flex min-w-0 flex-1 flex-col">
          <div className="relative min-h-0 flex-1">
            <Notice />
            <FlowView snap={snap} />
            <LiveScenePanel />
          </div>
          <ProblemsPanel />
        </div>
        <Inspector />
      </div>
    </div>
    </NetworkSourceProvider>
    </LiveOverlayProvider>
    </PlanOverlayProvider>
  );
}, (a, b) => a.designId === b.designId && sameJson(a.lesson, b.lesson));
