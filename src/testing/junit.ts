/** JUnit XML for CI systems: one testsuite, one testcase per detection test. */

export interface JunitCase {
  readonly suite: string;
  readonly name: string;
  readonly status: "pass" | "fail" | "error";
  readonly message?: string;
  readonly durationMs: number;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function toJunit(cases: readonly JunitCase[]): string {
  const failures = cases.filter((c) => c.status === "fail").length;
  const errors = cases.filter((c) => c.status === "error").length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = cases.reduce((a, c) => a + c.durationMs, 0);
  const body = cases.map((c) => {
    const open = `    <testcase classname="${esc(c.suite)}" name="${esc(c.name)}" time="${seconds(c.durationMs)}"`;
    if (c.status === "pass") return `${open}/>`;
    const tag = c.status === "fail" ? "failure" : "error";
    return `${open}>\n      <${tag} message="${esc(c.message ?? "")}"/>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${cases.length}" failures="${failures}" errors="${errors}" time="${seconds(total)}">`,
    `  <testsuite name="minispl detection tests" tests="${cases.length}" failures="${failures}" errors="${errors}" time="${seconds(total)}">`,
    ...body,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
