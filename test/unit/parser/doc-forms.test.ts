/**
 * Search Reference forms the parser once refused, parsed into the AST the commands read:
 * chart/timechart's `by <field> where <agg> …` series filter (a where arg after the BY list),
 * tstats `PREFIX(exec_time=)` unquoted, eval's lower-case `in(` and unary `+`, and streamstats'
 * `reset_after="("<expr with \"quotes\" and spaces>")"` (one string, `(<expr>)`).
 */
import { describe, expect, it } from "vitest";
import { parsedCommand } from "../../support/parse-command.js";
import { parseSearch } from "../../../src/frontend.js";
import type { Expr } from "../../../src/ast/nodes.js";

const command = parsedCommand;

function evalExpr(spl: string): Expr {
  const a = command(`| eval x=${spl}`).args[0];
  if (a?.kind !== "assign") throw new Error("no assignment");
  return a.expr;
}

describe("documented forms", () => {
  it("ends a BY list at WHERE (timechart where clause)", () => {
    const c = command("| timechart span=1h count by host where max > 100");
    expect(c.args.map((a) => a.kind)).toEqual(["option", "positional", "by", "where"]);
    const by = c.args.find((a) => a.kind === "by");
    expect(by?.kind === "by" ? by.fields.map((f) => f.name) : []).toEqual(["host"]);
  });

  it("reads options between the BY field and WHERE (timechart example 6)", () => {
    const c = command("| timechart span=1m count(eventtype) BY source_ip usenull=f WHERE count>10");
    expect(c.args.map((a) => a.kind)).toEqual(["option", "positional", "by", "option", "where"]);
  });

  it("reads `count in top5` after chart's OVER … BY", () => {
    const c = command("| chart count over a by b where count in top5");
    const w = c.args.find((a) => a.kind === "where");
    expect(w?.kind === "where" ? w.expr.kind : null).toBe("and");
  });

  it("takes PREFIX(exec_time=) unquoted inside a call", () => {
    const c = command("| tstats count max(PREFIX(exec_time=)) where index=_internal by PREFIX(status=)");
    const p = c.args[1];
    expect(p?.kind === "positional" && p.value.kind === "call" ? p.value.args[0] : null).toMatchObject({ kind: "call", name: "PREFIX", args: [{ kind: "word", text: "exec_time=" }] });
    const by = c.args.find((a) => a.kind === "by");
    expect(by?.kind === "by" ? by.fields.map((f) => f.name) : []).toEqual(["PREFIX(status=)"]);
  });

  it("reads a lower-case in( as the IN operator", () => {
    expect(evalExpr('status in("400", "401")')).toMatchObject({ kind: "in", subject: { kind: "field", name: "status" }, values: [{ value: "400" }, { value: "401" }] });
    expect(evalExpr('"203.0.113.255" in(ipaddress, clientip)')).toMatchObject({ kind: "in", subject: { kind: "literal" }, values: [{ name: "ipaddress" }, { name: "clientip" }] });
    // The in() function itself is unchanged.
    expect(evalExpr('in(status, "a")')).toMatchObject({ kind: "call", name: "in" });
  });

  it("still refuses an identifier after an operand", () => {
    const r = parseSearch("| eval x=a b");
    expect(r.diagnostics.some((d) => d.severity === "error")).toBe(true);
  });

  it("reads a unary plus as its operand", () => {
    expect(evalExpr("+4")).toMatchObject({ kind: "literal", value: 4 });
    expect(evalExpr("-+3")).toMatchObject({ kind: "unary", op: "-", operand: { kind: "literal", value: 3 } });
    expect(evalExpr("1 + +2")).toMatchObject({ kind: "binary", op: "+", right: { kind: "literal", value: 2 } });
  });

  it('joins "("<expr>")" into one string', () => {
    const c = command('| streamstats reset_after="("description==\\"session is closed\\"")" count');
    expect(c.args[0]).toMatchObject({ kind: "option", key: "reset_after", value: { kind: "string", text: '(description=="session is closed")' } });
  });

  it('leaves "(" x ")" with spaces as three search terms', () => {
    const c = command('search "(" x ")"');
    const s = c.args[0];
    expect(s?.kind === "search" && s.expr?.kind === "and" ? s.expr.items.length : 0).toBe(3);
  });
});

describe("subsearches in values", () => {
  it("reads field=[subsearch] as a subsearch compared with the field (format example 5)", () => {
    const c = command('search sourcetype= [search index=does_not_exist | head 1 | fields sourcetype | format emptystr="splunkd"]');
    const s = c.args[0];
    expect(s?.kind === "search" ? s.expr : null).toMatchObject({ kind: "subsearch", compare: { field: "sourcetype", op: "=" } });
  });

  it("reads a subsearch inside an eval expression (return example 3)", () => {
    expect(evalExpr("1 + [search user=* | return $id]")).toMatchObject({ kind: "binary", op: "+", right: { kind: "subsearch" } });
  });
});
