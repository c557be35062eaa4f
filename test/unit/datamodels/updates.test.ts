// Updates: update + status tags, signature/signature_id fill each other, status children, the Update_Errors root.
import { describe, expect, it } from "vitest";
import { rows, storeOf } from "./tstats-support.js";

const store = storeOf([
  { tag: ["update", "status"], dest: "ws01", status: "installed", vendor_product: "Microsoft Windows", signature_id: "KB5032190" },
  { tag: ["update", "status"], dest: "ws02", status: "available", signature: "2023-11 Cumulative Update" },
  { tag: ["update", "error"], dest: "ws03" },
]);

describe("Updates", () => {
  it("ESCU's bare datamodel=Updates with status=Installed (case-insensitive) reads the Updates root", () => {
    const q = '| tstats max(_time) as lastTime from datamodel=Updates where Updates.status=Installed Updates.vendor_product="Microsoft Windows" by Updates.dest Updates.status Updates.vendor_product';
    expect(rows(q, store)).toEqual([
      { "Updates.dest": "ws01", "Updates.status": "installed", "Updates.vendor_product": "Microsoft Windows", lastTime: 1_700_000_000 },
    ]);
  });

  it("signature and signature_id fill each other", () => {
    expect(rows("| tstats count from datamodel=Updates by Updates.signature Updates.signature_id", store)).toEqual([
      { "Updates.signature": "2023-11 Cumulative Update", "Updates.signature_id": "2023-11 Cumulative Update", count: 1 },
      { "Updates.signature": "KB5032190", "Updates.signature_id": "KB5032190", count: 1 },
    ]);
  });

  it("status children and the Update_Errors root", () => {
    expect(rows("| tstats count from datamodel=Updates.Available_Updates", store)).toEqual([{ count: 1 }]);
    expect(rows("| tstats count from datamodel=Updates.Update_Errors", store)).toEqual([{ count: 1 }]);
  });
});
