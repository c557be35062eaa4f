// The hostile events the event-search differential tests run over (events-differential,
// row-steps-differential): quotes, backslashes, LIKE metacharacters, Unicode folding traps,
// numeric-looking text, multivalue fields with duplicates, missing fields, free text, equal times
// and times out of arrival order.
import { EventStore } from "../../../src/index.js";

const HOSTILE = [
  "foo", "Foo", "FOO", "f%o", "f_o", "fxo", "f\\o", "it's", 'q"uote', "", "über", "ÜBER", "straße", "STRASSE",
  "K", "\u212a", "k", "\u017f", "s", "Σ", "σ", "ς", "\u0130", "i\u0307", "😀x", "\ue000", "010", "10", "1e1",
  " 10", "+10", "1000", "5", ".5", "abc", "NaN", "Infinity", "1e999", "-0", "0", "a\tb", "a\nb", "0.1", "0.2", "x*y", "%", "_", "\\",
];

const IMAGES = ["C:\\Windows\\System32\\cmd.exe", "C:\\Windows\\System32\\CMD.EXE", "C:\\Temp\\powershell.exe", "/usr/bin/bash", "C:\\Windows\\system32\\whoami.exe", "c:\\x%y_z\\a.exe"];

export function hostileStore(): EventStore {
  const store = new EventStore();
  HOSTILE.forEach((v, i) => {
    const image = IMAGES[i % IMAGES.length] as string;
    const fields: Record<string, string | string[]> = {
      index: i % 5 === 0 ? "main" : "windows",
      sourcetype: i % 3 === 0 ? "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" : i % 3 === 1 ? "WinEventLog:Security" : "linux:audit",
      host: `host${i % 4}`,
      EventCode: String([1, 4688, 3, 1][i % 4]),
      Image: image,
      CommandLine: `${image} /c "${v}" & echo ${HOSTILE[(i * 5) % HOSTILE.length]}`,
      user: v,
      n: HOSTILE[(i * 7) % HOSTILE.length] as string,
      _raw: `<Event><EventID>${[1, 4688, 3, 1][i % 4]}</EventID><Data Name='Image'>${image}</Data><Data Name='User'>${v}</Data> whoami ${i % 2 ? "Mimikatz" : "sekurlsa::logonpasswords"}</Event>`,
    };
    if (i % 4 !== 0) fields.dest = i % 4 === 1 ? "10.1.2.3" : i % 4 === 2 ? "fe80::1" : "DC01";
    if (i % 5 === 0) fields.tag = ["process", "process", HOSTILE[(i * 3) % HOSTILE.length] as string];
    else if (i % 5 === 1) fields.tag = "network";
    // Times: pairs share one, and every seventh event arrived late (older than its neighbours).
    const time = i % 7 === 3 ? 1_699_000_000 + i : 1_700_000_000.25 + Math.floor(i / 2) * 61.5;
    store.append({ time, fields });
  });
  store.append({ time: 1_700_050_000, fields: { sourcetype: "nothing", EventCode: "1" } });
  store.append({ time: 1_600_000_000, fields: { _raw: "only raw, no fields: cmd.exe WHOAMI 100%" } });
  return store;
}
