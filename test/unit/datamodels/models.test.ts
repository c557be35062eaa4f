// The datamodel registry as a whole: the 17 models ESCU queries, well-formed trees, lineage-named child fields.
import { describe, expect, it } from "vitest";
import { DATAMODELS, findDataset, lineage, rootOf } from "../../../src/datamodels/registry.js";

/** escu-corpus.md §5: every datamodel ESCU's detections reference. */
const ESCU_MODELS = [
  "Alerts", "Authentication", "Certificates", "Change", "Change_Analysis", "Email", "Endpoint", "Identity_Management",
  "Intrusion_Detection", "Network_Resolution", "Network_Sessions", "Network_Traffic", "Risk", "UEBA", "Updates", "Vulnerabilities", "Web",
];

describe("DATAMODELS", () => {
  it("covers every model ESCU references", () => {
    expect(DATAMODELS.map((m) => m.name).sort()).toEqual(ESCU_MODELS);
  });

  it.each(DATAMODELS.map((m) => [m.name, m] as const))("%s is a well-formed tree", (_name, model) => {
    const names = model.datasets.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    // The first dataset is a root: a bare `datamodel=<Model>` reads it.
    expect(model.datasets[0]?.parent).toBeUndefined();
    for (const ds of model.datasets) {
      expect(ds.model).toBe(model.name);
      if (ds.parent) expect(names).toContain(ds.parent);
      const fields = lineage(ds).flatMap((d) => d.fields.map((f) => f.name));
      expect(new Set(fields).size, `${ds.name}: duplicate fields`).toBe(fields.length);
      // A dotted field is either a child's field named by its lineage below the root, or a
      // dotted event field (Risk's annotations.*).
      for (const f of ds.fields.filter((x) => x.name.includes("."))) {
        const head = f.name.split(".")[0] ?? "";
        expect(names.includes(head) || model.name === "Risk", `${model.name}.${ds.name}: ${f.name}`).toBe(true);
      }
    }
  });

  it("resolves ESCU's spellings: bare model, Model.Dataset, nodename with lineage", () => {
    expect(findDataset("Web")?.name).toBe("Web");
    expect(findDataset("Updates")?.name).toBe("Updates");
    expect(findDataset("Network_Resolution", "DNS")?.name).toBe("DNS");
    expect(findDataset("Network_Sessions", "All_Sessions.DHCP")?.name).toBe("DHCP");
    const failed = findDataset("Authentication", "Authentication.Failed_Authentication");
    expect(failed && rootOf(failed).name).toBe("Authentication");
    expect(findDataset("Network_Traffic.Blocked_Traffic") && lineage(findDataset("Network_Traffic.Blocked_Traffic")!).map((d) => d.name)).toEqual([
      "All_Traffic", "Traffic_By_Action", "Blocked_Traffic",
    ]);
  });
});
