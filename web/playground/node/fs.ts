/** `node:fs` in the browser: there is no file system; dropped files reach the engine as bytes (ingestText, the EVTX bytes reader). Every function throws, with its name. */
import { unavailable } from "./unavailable.js";

export const chmodSync = unavailable("fs.chmodSync");
export const closeSync = unavailable("fs.closeSync");
export const copyFileSync = unavailable("fs.copyFileSync");
export const cpSync = unavailable("fs.cpSync");
export const existsSync = unavailable("fs.existsSync");
export const fchmodSync = unavailable("fs.fchmodSync");
export const fstatSync = unavailable("fs.fstatSync");
export const lstatSync = unavailable("fs.lstatSync");
export const mkdirSync = unavailable("fs.mkdirSync");
export const mkdtempSync = unavailable("fs.mkdtempSync");
export const openSync = unavailable("fs.openSync");
export const readFileSync = unavailable("fs.readFileSync");
export const readSync = unavailable("fs.readSync");
export const readdirSync = unavailable("fs.readdirSync");
export const realpathSync = unavailable("fs.realpathSync");
export const renameSync = unavailable("fs.renameSync");
export const rmSync = unavailable("fs.rmSync");
export const statSync = unavailable("fs.statSync");
export const statfsSync = unavailable("fs.statfsSync");
export const symlinkSync = unavailable("fs.symlinkSync");
export const unlinkSync = unavailable("fs.unlinkSync");
export const writeFileSync = unavailable("fs.writeFileSync");
export const writeSync = unavailable("fs.writeSync");
export const constants = {};
