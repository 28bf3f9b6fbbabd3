export * from "./types";
export * from "./concepts";
export { LESSONS, lessonById } from "./lessons";
export { currentStep, evaluateStep, isLessonComplete, normaliseCompleted, withStepDone, type CheckInput } from "./progress";
export { missingInstances, withNewRelease, taskToCrash, RELEASE_VARIABLE } from "./sandbox-plan";
export { liveView, type LiveView, type LiveTask, type LiveService, type LiveDeployment } from "./live-view";
export { lessonView, lessonBarView, actionLabel, type LessonView, type StepView, type LessonBarView } from "./view";
export { scopeToCurrentServices } from "./scope";
export { conceptForRule, conceptForKind, conceptForField, type ConceptLink } from "./concept-links";
