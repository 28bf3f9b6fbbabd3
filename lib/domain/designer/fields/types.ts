import type { Design } from "../../design";
import type { PathSegment } from "../../rules/types";
import type { Resolved } from "../resolve";
import type { NetworkSuggestion } from "../environment-network";

// Inspector forms are data: one table of field specs per resource kind, rendered by one generic
// form (components/designer/inspector/field-form.tsx). Paths are relative to the resource.

/** What option lists and new list items may depend on: the design and the resource being edited. */
export type FieldContext = { design: Design; r: Resolved; resource: Record<string, unknown> };

type Base = {
  path: PathSegment[];
  label: string;
  /** One or two sentences: what the field does and why it matters. */
  help?: string;
  placeholder?: string;
  /** Custom mapping between the resource and the value shown (e.g. GPU inside resourceRequirements). */
  read?: (resource: Record<string, unknown>) => unknown;
  write?: (resource: Record<string, unknown>, value: unknown) => Record<string, unknown>;
  /** Shown only when this holds (a certificate for HTTPS listeners, rules on Application Load Balancers). */
  when?: (ctx: FieldContext) => boolean;
};

/** A picker's option: the stored value and what the person reads. */
export type FieldChoice = { value: string; label: string };

export type FieldSpec =
  | (Base & {
    type: "text"; mono?: boolean; /** Keep "" instead of removing the key (required strings). */ required?: boolean; suggest?: NetworkSuggestion;
    /** Suggestions from the design itself (its target groups, its listener rules), offered beside the environment's. */
    choices?: (ctx: FieldContext) => FieldChoice[];
  })
  /** An integer stored as a string (task cpu and memory, as RegisterTaskDefinition takes them). */
  | (Base & { type: "intString"; options?: readonly string[] })
  | (Base & { type: "int"; /** Value used when cleared, for required numbers. */ fallback?: number })
  | (Base & { type: "bool"; default?: boolean })
  | (Base & { type: "select"; options: readonly string[] | ((ctx: FieldContext) => string[] | FieldChoice[]); emptyLabel?: string })
  | (Base & { type: "multi"; options: readonly string[] })
  | (Base & { type: "strings"; itemLabel: string; mono?: boolean; suggest?: NetworkSuggestion })
  | (Base & { type: "map"; keyLabel: string; valueLabel: string })
  | (Base & { type: "list"; itemLabel: string; fields: FieldSpec[]; newItem: (ctx: FieldContext) => Record<string, unknown> });

export type FieldGroup = { title: string; fields: FieldSpec[]; /** Collapsed until opened (advanced settings). */ collapsed?: boolean };
