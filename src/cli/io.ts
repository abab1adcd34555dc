// Reading inputs ('-' is standard input) and printing diagnostics as `file:line:col: severity: message`.

import { readFileSync } from 'node:fs';
import type { Diagnostic, InputFile } from '../engine/index.ts';

export class InputError extends Error {}

let stdinText: string | undefined;

export function readInput(path: string): InputFile {
  try {
    if (path === '-') {
      stdinText ??= readFileSync(0, 'utf8');
      return { name: '<stdin>', text: stdinText };
    }
    return { name: path, text: readFileSync(path, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new InputError(`${path}: cannot read: ${why}`);
  }
}

export function readInputs(paths: string[]): InputFile[] {
  if (paths.length === 0)
    throw new InputError('no input files (give one or more FILE arguments, or - for standard input)');
  return paths.map(readInput);
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}:${d.line ?? 1}:${d.column ?? 1}: ` : '';
  return `${where}${d.severity}: ${d.message}`;
}

export interface Out {
  out(line: string): void;
  err(line: string): void;
}

export const stdio: Out = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
};
