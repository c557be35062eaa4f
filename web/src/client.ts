/**
 * The engine as the app sees it: one EngineClient (src/web/api.ts): the HTTP client of
 * `minispl web`, or the playground's in-browser one; nothing else changes.
 */
export type {
  EngineClient, JobStatus, SearchResultView, WebCompletion, WebDiagnostic, WebExplanation, WebHover, WebInfo, FieldSummary, CellValue, DetectionRunView, WebNotable,
  RowsPage, DrilldownView, DetectionTestView, AttackDataView,
} from "../../src/web/api.js";
