export * from "./schema";
export * from "./parse";
export * from "./task-size";
export * from "./lookup";
export * as EcsEnums from "./ecs-enums";
