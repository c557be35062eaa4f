// MemoryFileSystem answers as Node's file system does: each scenario runs on nodeFileSystem over a
// fresh temp folder and on a MemoryFileSystem under the same relative layout, and the results
// (values, and the `code` of each failure) must be equal. Differences accepted on purpose are
// checked separately at the end, each with why the engine does not depend on it.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { FileSystem } from "../../../src/platform/file-system.js";
import { MemoryFileSystem } from "../../../src/platform/memory-file-system.js";
import { nodeFileSystem } from "../../../src/platform/node-file-system.js";

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A scenario's view of one file system: `fs` and `p(relative)` naming a path under its root. */
interface Here {
  readonly fs: FileSystem;
  readonly p: (rel: string) => string;
}

function onNode(): Here {
  const root = nodeFileSystem.realpath(mkdtempSync(join(tmpdir(), "platform-fs-")));
  roots.push(root);
  return { fs: nodeFileSystem, p: (rel) => (rel ? join(root, rel) : root) };
}

function inMemory(): Here {
  const fs = new MemoryFileSystem();
  fs.mkdir("/work/root");
  return { fs, p: (rel) => (rel ? `/work/root/${rel}` : "/work/root") };
}

/** The error code of `f`, or its value. */
function attempt<T>(f: () => T): T | { error: string } {
  try {
    return f();
  } catch (e) {
    return { error: String((e as { code?: unknown }).code) };
  }
}

const text = (b: Uint8Array): string => Buffer.from(b).toString("latin1");
const sortedNames = (h: Here, rel: string): string[] | { error: string } => attempt(() => h.fs.list(h.p(rel)).map((e) => `${e.name}${e.symlink ? "@" : ""}`).sort());

/** Folder `sub` with `sub/deep/x.log`, file `a.txt` ("hello world"), empty file `empty`. */
function layout(h: Here): void {
  h.fs.mkdir(h.p("sub/deep"));
  h.fs.writeFile(h.p("sub/deep/x.log"), "line\n");
  h.fs.writeFile(h.p("a.txt"), "hello world");
  h.fs.writeFile(h.p("empty"), new Uint8Array(0));
}

const scenarios: Record<string, (h: Here) => unknown> = {
  "stat: kinds and file sizes; missing; through a file": (h) => {
    layout(h);
    const st = (rel: string) => attempt(() => {
      const s = h.fs.stat(h.p(rel));
      // A folder's size is the file system's business (4096 on ext4, 0 in memory): not compared.
      return { kind: s.kind, size: s.kind === "file" ? s.size : "-" };
    });
    return ["a.txt", "empty", "sub", "sub/deep/x.log", "missing", "a.txt/inside", "sub/../a.txt"].map(st);
  },
  "stat: the same file has the same id by two spellings, two files differ": (h) => {
    layout(h);
    const id = (rel: string) => h.fs.stat(h.p(rel)).id;
    return [id("a.txt") === id("sub/../a.txt"), id("a.txt") === id("empty")];
  },
  "fstat: size of an open file follows writes": (h) => {
    const fd = h.fs.open(h.p("f"), "w");
    const before = h.fs.fstat(fd).size;
    h.fs.write(fd, Buffer.from("12345"));
    const after = h.fs.fstat(fd);
    h.fs.close(fd);
    return [before, after.size, after.kind];
  },
  "list: names of files and folders, no symlinks; a file; a missing folder": (h) => {
    layout(h);
    return [sortedNames(h, ""), sortedNames(h, "sub"), sortedNames(h, "sub/deep"), sortedNames(h, "a.txt"), sortedNames(h, "missing")];
  },
  exists: (h) => {
    layout(h);
    return ["a.txt", "sub", "sub/deep/x.log", "missing", "a.txt/inside", "sub/./deep"].map((r) => h.fs.exists(h.p(r)));
  },
  "readFile and readText: bytes, UTF-8 with invalid bytes as U+FFFD, a BOM kept": (h) => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42, 0xe2, 0x82, 0x43, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]);
    h.fs.writeFile(h.p("b"), bytes);
    h.fs.writeFile(h.p("s"), "é✓ text");
    return [Buffer.from(h.fs.readFile(h.p("b"))).equals(bytes), h.fs.readText(h.p("b")), h.fs.readText(h.p("s")), text(h.fs.readFile(h.p("s")))];
  },
  "readFile and readText of a folder, a missing file, through a file": (h) => {
    layout(h);
    return ["sub", "missing", "a.txt/x"].flatMap((r) => [attempt(() => h.fs.readFile(h.p(r))), attempt(() => h.fs.readText(h.p(r)))]);
  },
  "writeFile: into a missing folder, through a file, onto a folder, over a file": (h) => {
    layout(h);
    return [
      attempt(() => h.fs.writeFile(h.p("nope/f"), "x")),
      attempt(() => h.fs.writeFile(h.p("a.txt/f"), "x")),
      attempt(() => h.fs.writeFile(h.p("sub"), "x")),
      attempt(() => h.fs.writeFile(h.p("a.txt"), "new")),
      h.fs.readText(h.p("a.txt")),
      h.fs.exists(h.p("nope")),
    ];
  },
  "writeFile and readFile copy: changing the caller's buffer or the result changes no file": (h) => {
    const b = Buffer.from("abc");
    h.fs.writeFile(h.p("f"), b);
    b[0] = 0x7a;
    h.fs.readFile(h.p("f"))[1] = 0x7a;
    return h.fs.readText(h.p("f"));
  },
  "open r: a missing file, through a file": (h) => {
    layout(h);
    return [attempt(() => h.fs.open(h.p("missing"), "r")), attempt(() => h.fs.open(h.p("a.txt/x"), "r"))];
  },
  // Node opens a folder for reading and fails at the read; memory fails at the open. The engine
  // opens what it found to be a file, and both answer EISDIR for "open and read it".
  "open r and read a folder: EISDIR": (h) => {
    layout(h);
    return attempt(() => {
      const fd = h.fs.open(h.p("sub"), "r");
      try {
        return h.fs.read(fd, new Uint8Array(4), 0, 4, null);
      } finally {
        h.fs.close(fd);
      }
    });
  },
  "open wx: a new file, an existing file, a folder; open w: truncates, a folder": (h) => {
    layout(h);
    const fd = h.fs.open(h.p("new"), "wx", 0o600);
    h.fs.close(fd);
    const w = h.fs.open(h.p("a.txt"), "w");
    h.fs.close(w);
    return [
      h.fs.stat(h.p("new")).size,
      attempt(() => h.fs.open(h.p("a.txt"), "wx")),
      attempt(() => h.fs.open(h.p("sub"), "wx")),
      attempt(() => h.fs.open(h.p("sub"), "w")),
      attempt(() => h.fs.open(h.p("nope/f"), "w")),
      h.fs.readText(h.p("a.txt")),
    ];
  },
  "open w: a descriptor already open on the file sees the truncation": (h) => {
    h.fs.writeFile(h.p("f"), "0123456789");
    const r = h.fs.open(h.p("f"), "r");
    h.fs.close(h.fs.open(h.p("f"), "w"));
    const n = h.fs.read(r, new Uint8Array(10), 0, 10, 0);
    h.fs.close(r);
    return n;
  },
  "positioned write and read; a gap past the end reads as zeros; 0 at the end": (h) => {
    const fd = h.fs.open(h.p("f"), "w");
    const out = [h.fs.write(fd, Buffer.from("abcdef"), 0, 6, 0), h.fs.write(fd, Buffer.from("--XY--"), 2, 2, 2), h.fs.write(fd, Buffer.from("Z"), 0, 1, 9)];
    h.fs.close(fd);
    const r = h.fs.open(h.p("f"), "r");
    const buf = new Uint8Array(16).fill(0x2e);
    out.push(h.fs.read(r, buf, 3, 4, 1), h.fs.read(r, buf, 0, 4, 10), h.fs.read(r, buf, 0, 4, 100));
    h.fs.close(r);
    return [out, text(buf), [...h.fs.readFile(h.p("f"))]];
  },
  "null position: reads and writes advance the descriptor's own position; a positioned read does not": (h) => {
    const w = h.fs.open(h.p("f"), "w");
    const written = [h.fs.write(w, Buffer.from("hello ")), h.fs.write(w, Buffer.from("world"), 0, 5, null), h.fs.write(w, Buffer.from("!"), undefined, undefined, null)];
    h.fs.close(w);
    const r = h.fs.open(h.p("f"), "r");
    const buf = new Uint8Array(5);
    const reads: string[] = [];
    for (const at of [null, 0, null, null, null] as const) {
      const n = h.fs.read(r, buf, 0, 5, at);
      reads.push(text(buf.subarray(0, n)));
    }
    h.fs.close(r);
    return [written, reads];
  },
  "bad descriptors: writing one opened to read, reading one opened to write, closing twice": (h) => {
    h.fs.writeFile(h.p("f"), "abc");
    const r = h.fs.open(h.p("f"), "r");
    const w = h.fs.open(h.p("g"), "w");
    const out: unknown[] = [attempt(() => h.fs.write(r, Buffer.from("x"), 0, 1, 0)), attempt(() => h.fs.read(w, new Uint8Array(2), 0, 2, 0))];
    h.fs.close(r);
    h.fs.close(w);
    out.push(attempt(() => h.fs.close(r)), attempt(() => h.fs.read(r, new Uint8Array(1), 0, 1, 0)));
    return out;
  },
  "rename: a file, over another file, into a missing folder, a missing file, onto a folder": (h) => {
    layout(h);
    h.fs.writeFile(h.p("b.txt"), "bee");
    h.fs.rename(h.p("a.txt"), h.p("sub/moved.txt"));
    const first = [h.fs.exists(h.p("a.txt")), h.fs.readText(h.p("sub/moved.txt"))];
    h.fs.rename(h.p("b.txt"), h.p("sub/moved.txt"));
    return [
      first,
      h.fs.readText(h.p("sub/moved.txt")),
      h.fs.exists(h.p("b.txt")),
      attempt(() => h.fs.rename(h.p("sub/moved.txt"), h.p("nope/x"))),
      attempt(() => h.fs.rename(h.p("missing"), h.p("y"))),
      attempt(() => h.fs.rename(h.p("sub/moved.txt"), h.p("sub/deep"))),
      h.fs.exists(h.p("sub/moved.txt")),
    ];
  },
  "remove: a tree, a file, nothing": (h) => {
    layout(h);
    h.fs.remove(h.p("sub"));
    h.fs.remove(h.p("empty"));
    h.fs.remove(h.p("never-was"));
    return [sortedNames(h, ""), h.fs.exists(h.p("sub/deep/x.log")), h.fs.exists(h.p("sub"))];
  },
  "remove: a folder whose name is a prefix of another's leaves that one": (h) => {
    h.fs.mkdir(h.p("log"));
    h.fs.writeFile(h.p("logs.txt"), "x");
    h.fs.mkdir(h.p("log2/a"));
    h.fs.remove(h.p("log"));
    return sortedNames(h, "");
  },
  "mkdir: recursive, again, over a file, under a file (nothing left behind)": (h) => {
    layout(h);
    h.fs.mkdir(h.p("m/n/o"));
    return [
      h.fs.stat(h.p("m/n")).kind,
      h.fs.stat(h.p("m/n/o")).kind,
      attempt(() => h.fs.mkdir(h.p("m/n/o"))),
      attempt(() => h.fs.mkdir(h.p("a.txt"))),
      attempt(() => h.fs.mkdir(h.p("a.txt/x/y"))),
      h.fs.exists(h.p("a.txt/x")),
      sortedNames(h, "m"),
    ];
  },
  "realpath: normalises; a missing path": (h) => {
    layout(h);
    return [h.fs.realpath(h.p("sub/./deep/../../a.txt")) === h.fs.realpath(h.p("a.txt")), h.fs.realpath(h.p("sub/deep/..")) === h.p("sub"), attempt(() => h.fs.realpath(h.p("missing")))];
  },
};

describe("MemoryFileSystem answers as Node's fs", () => {
  it.each(Object.keys(scenarios))("%s", (name) => {
    const scenario = scenarios[name]!;
    const node = attempt(() => scenario(onNode()));
    const memory = attempt(() => scenario(inMemory()));
    expect(memory).toEqual(node);
  });

  it("every failure carries Node's code in an Error whose message names the path", () => {
    const h = inMemory();
    let caught: unknown;
    try {
      h.fs.readFile(h.p("missing"));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toMatchObject({ code: "ENOENT", message: expect.stringContaining("/work/root/missing") });
  });

  it("makeTempDir: a fresh, empty folder named after the prefix, never one already there", () => {
    for (const h of [onNode(), inMemory()]) {
      const a = h.fs.makeTempDir("minispl-t-");
      const b = h.fs.makeTempDir("minispl-t-");
      if (h.fs === nodeFileSystem) roots.push(a, b);
      expect(a).not.toBe(b);
      for (const d of [a, b]) {
        expect(basename(d)).toMatch(/^minispl-t-.{6}$/);
        expect(h.fs.stat(d).kind).toBe("directory");
        expect(h.fs.list(d)).toEqual([]);
      }
    }
    // The memory file system counts its names: one taken by a dropped file or folder is passed over.
    const mem = new MemoryFileSystem();
    mem.add("/tmp/x-000001", "a file");
    mem.mkdir("/tmp/x-000002");
    const fresh = mem.makeTempDir("x-");
    expect([fresh, mem.stat("/tmp/x-000001").kind, mem.list("/tmp/x-000002")]).toEqual(["/tmp/x-000003", "file", []]);
  });
});

describe("differences accepted on purpose (memory only)", () => {
  it("relative paths are taken from /, and realpath only normalises (no links in memory)", () => {
    const fs = new MemoryFileSystem();
    fs.add("a/b.txt", "x");
    expect(fs.realpath("a/./c/../b.txt")).toBe("/a/b.txt");
    expect(fs.list("/a")).toEqual([{ name: "b.txt", symlink: false }]);
  });

  it("a folder cannot be renamed (the engine renames files only: a finished temp file into place)", () => {
    const fs = new MemoryFileSystem();
    fs.mkdir("/d/e");
    expect(() => fs.rename("/d", "/f")).toThrow(expect.objectContaining({ code: "ENOTSUP" }));
    expect(fs.exists("/d/e")).toBe(true);
  });

  it("add() replaces a file and creates its folders", () => {
    const fs = new MemoryFileSystem();
    expect(fs.add("/x/y/z.log", "one", 1000)).toBe("/x/y/z.log");
    fs.add("/x/y/z.log", new Uint8Array([0x32]), 2000);
    expect([fs.readText("/x/y/z.log"), fs.stat("/x/y/z.log").mtimeMs, fs.stat("/x/y").kind]).toEqual(["2", 2000, "directory"]);
  });
});
