/**
 * `minispl_file` in the on-disk index (issue 11 item 4): a plain dictionary string column (one
 * value per file), read back as the in-memory store has it; archive members not read because of
 * their name are kept in the manifest so a cached open still reports them.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventStore, ingestPaths } from "../../../src/index.js";
import { buildIndex } from "../../../src/storage/index/build-index.js";
import { openIndex } from "../../../src/storage/index/open-index.js";
import { FILE_FIELD } from "../../../src/adapters/file-field.js";
import { zip } from "../adapters/archive-builder.js";

const dir = mkdtempSync(join(tmpdir(), "minispl-file-field-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("minispl_file in the index", () => {
  it("is a single-valued dictionary column with the values --data gives; notLogs survive in the manifest", () => {
    const data = join(dir, "data");
    mkdirSync(data);
    writeFileSync(join(data, "sysmon.xml"), readFileSync("samples/data/sysmon.xml"));
    writeFileSync(join(data, "b.zip"), zip([{ name: "sec.xml", data: readFileSync("samples/data/security.xml") }, { name: "notes.md", data: "#" }]));
    writeFileSync(join(data, "README.md"), "#");
    const summary = buildIndex([data], join(dir, "idx"));
    expect(summary.notLogs).toEqual([join(data, "README.md"), `${join(data, "b.zip")}!notes.md`]);
    const part = summary.manifest.files[0]?.parts[0];
    expect(part?.columns.find(([name]) => name === FILE_FIELD)?.[1]).toBe("string");

    const opened = openIndex(join(dir, "idx"));
    const memory = new EventStore();
    ingestPaths(memory, [data]);
    const values = (s: EventStore) => Array.from({ length: s.length }, (_, r) => s.value(r, FILE_FIELD));
    expect(values(opened.store)).toEqual(values(memory));
    expect(new Set(values(memory))).toEqual(new Set([`${join(data, "b.zip")}!sec.xml`, join(data, "sysmon.xml")]));
    opened.close();

    // Unchanged files are kept: the members skipped by name come from the manifest.
    expect(buildIndex([data], join(dir, "idx")).notLogs).toEqual(summary.notLogs);
  });
});
