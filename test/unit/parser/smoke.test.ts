import { it, expect } from "vitest";
import { splParser } from "../../../src/parser/parser.js";
it("constructs", () => { expect(splParser).toBeTruthy(); });
