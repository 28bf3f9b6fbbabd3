export * from "./schema";
export * from "./parse";
export * from "./lookup";
export * from "./limits";
export * as EcsEnums from "./ecs-enums";
export * from "./read-json";
