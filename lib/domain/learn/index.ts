export * from "./types";
export * from "./concepts";
export { LESSONS, lessonById } from "./lessons";
export { evaluateStep, normaliseCompleted, withStepDone } from "./progress";
export { missingInstances, withNewRelease, withFailingRelease, taskToCrash } from "./sandbox-plan";
export { liveView, type LiveView } from "./live-view";
export { lessonView, lessonBarView, type LessonBarView } from "./view";
export { scopeToCurrentServices } from "./scope";
export { replayLab } from "./lab-run";
