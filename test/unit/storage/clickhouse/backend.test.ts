// openBackend: which specs it accepts, and that a password never comes from the command line.
import { describe, expect, it } from "vitest";
import { CHDB_MISSING, openBackend } from "../../../../src/storage/clickhouse/backend.js";

describe("openBackend", () => {
  it("refuses a password in the URL", async () => {
    await expect(openBackend("clickhouse://u:secret@db.example:8123/x", {})).rejects.toThrow(/MINISPL_CLICKHOUSE_PASSWORD/);
  });

  it("refuses an unknown backend", async () => {
    await expect(openBackend("duckdb", {})).rejects.toThrow(/unknown backend "duckdb"/);
  });

  it("names a server without credentials", async () => {
    const b = await openBackend("clickhouse://analyst@db.example:9000/case42", { MINISPL_CLICKHOUSE_PASSWORD: "pw" });
    expect(b.name).toBe("clickhouse://analyst@db.example:9000/case42");
    await b.close();
  });

  it("says how to install chDB when it is missing", () => {
    expect(CHDB_MISSING).toContain("npm install chdb");
  });
});
