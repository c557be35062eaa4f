/**
 * CIM datamodel definitions as data. A dataset is a node of a model's tree; membership is by the
 * tags the add-ons' eventtypes put on an event (cim-mapping.md §1.1) plus an optional constraint;
 * fields are either passed through from the event or calculated (the CIM's `unknown` fills).
 */

/** Read access to one event's fields while calculating datamodel fields. */
export interface EventAccessor {
  /** First value of a field, or null when absent. */
  get(name: string): string | null;
  /** All values of a field (empty when absent). */
  all(name: string): readonly string[];
  /** The event's `_time` (epoch seconds). */
  time(): number;
}

export interface DmField {
  /** Name without the dataset prefix, e.g. `process_name`. */
  readonly name: string;
  readonly type: "string" | "number" | "time";
  readonly multi?: boolean;
  /** Calculated field (an eval in the model); absent = passed through from the event as is. */
  readonly calc?: (ev: EventAccessor) => string | readonly string[] | null;
  readonly summary?: string;
}

export interface DatasetDef {
  /** Model name, e.g. `Endpoint`. */
  readonly model: string;
  /** Dataset name, e.g. `Processes`. */
  readonly name: string;
  /** Parent dataset name inside the same model (children inherit fields and constraints). */
  readonly parent?: string;
  /** Every tag an event must carry (all of them). */
  readonly tags: readonly string[];
  /** Extra constraint over the event (after tags), e.g. Authentication's machine-account exclusion. */
  readonly constraint?: (ev: EventAccessor) => boolean;
  /** Fields defined on this dataset (not inherited ones). */
  readonly fields: readonly DmField[];
  /** Base-search evals applied to event fields before the dataset's fields (e.g. lower(process_integrity_level)). */
  readonly preEval?: Readonly<Record<string, (ev: EventAccessor) => string | null>>;
}

export interface DatamodelDef {
  readonly name: string;
  readonly datasets: readonly DatasetDef[];
}
