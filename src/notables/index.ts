/** Notables, risk events and drilldowns for `minispl detect --notables` (see README.md here). */
export { runNotables, runDrilldowns, orderForNotables, type Notable, type NotablesResult, type NotablesOptions, type DrilldownResult, type SearchRunner } from "./notables.js";
export { riskEventsFor, riskEventInput, riskObjectType, searchNameOf, valuesOf, type RiskEvent } from "./risk-events.js";
export { resolveDrilldown, substituteTokens, takeHoursAgo, resolveOffset, quoteTerm, ALL_TIME, type TimeRange, type ResolvedDrilldown } from "./drilldown.js";
export { sliceStore } from "./time-slice.js";
export { formatNotable, formatNotables } from "./format.js";
