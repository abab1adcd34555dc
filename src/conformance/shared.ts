// Where the upstream conformance data lives: ../shared/conformance next to the checkout (CI lays it
// there), or the folder named by GWSIM_CONFORMANCE_DIR. Suites skip with a clear message without it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const CONFORMANCE_DIR = process.env.GWSIM_CONFORMANCE_DIR
  ? resolve(process.env.GWSIM_CONFORMANCE_DIR)
  : resolve(root, '../shared/conformance');

export const hasConformance = existsSync(join(CONFORMANCE_DIR, 'cases.json'));

export const SKIP_MESSAGE = `conformance data not found at ${CONFORMANCE_DIR} (expected ../shared/conformance next to the checkout, or set GWSIM_CONFORMANCE_DIR); skipping`;

export function readConformance(rel: string): string {
  return readFileSync(join(CONFORMANCE_DIR, rel), 'utf8');
}

export function readConformanceJson<T>(rel: string): T {
  return JSON.parse(readConformance(rel)) as T;
}
