/**
 * A lesson's check: the learner's result rows against the lesson's expected rows, on the expected
 * fields only and in any order. Pure, so the verdict's wording is the same in tests and the page.
 */
import type { CellValue, SearchResultView } from "../src/client.js";
import type { Cell, Lesson } from "./lessons.js";

export interface CheckVerdict {
  readonly pass: boolean;
  readonly message: string;
}

const text = (v: CellValue | Cell | undefined): string => (v === null || v === undefined ? "" : Array.isArray(v) ? v.join("\n") : String(v));

export function checkLesson(lesson: Lesson, result: SearchResultView): CheckVerdict {
  if (!result.ok) return { pass: false, message: "The search failed: see the error above the tabs." };
  const fields = [...new Set(lesson.expected.flatMap((r) => Object.keys(r)))];
  const missing = fields.filter((f) => !result.fields.includes(f));
  if (missing.length) return { pass: false, message: `The results have no ${missing.join(", ")} field: expected ${fields.join(", ")}.` };
  if (result.total !== lesson.expected.length) return { pass: false, message: `Expected ${lesson.expected.length} row${lesson.expected.length === 1 ? "" : "s"}, got ${result.total}.` };
  const key = (r: Record<string, CellValue | Cell>) => JSON.stringify(fields.map((f) => text(r[f])));
  const got = new Map<string, number>();
  for (const r of result.rows) got.set(key(r), (got.get(key(r)) ?? 0) + 1);
  for (const r of lesson.expected) {
    const n = got.get(key(r)) ?? 0;
    if (n === 0) return { pass: false, message: `No row has ${fields.map((f) => `${f}=${text(r[f])}`).join(" ")}.` };
    got.set(key(r), n - 1);
  }
  return { pass: true, message: `Correct: ${lesson.expected.length} row${lesson.expected.length === 1 ? "" : "s"}, as expected.` };
}
