/**
 * The engine as the app sees it: one EngineClient (src/web/api.ts). Today that is the HTTP client
 * of `minispl web`; the playground will pass an in-browser one instead, and nothing else changes.
 */
export type {
  EngineClient, JobStatus, SearchResultView, WebCompletion, WebDiagnostic, WebExplanation, WebHover, WebInfo, FieldSummary, CellValue, DetectionRunView, WebNotable,
} from "../../src/web/api.js";
