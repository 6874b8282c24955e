/**
 * A problem with an input file: plain data with a stable code, printed as one line
 * `<file>:<line>:<col>: <CODE>: <message>`.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { OptcertCode } from './codes';

export interface Diagnostic {
  /** Absolute path of the file. */
  readonly file: string;
  /** 1-based; 1 when the problem has no better position. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** A code of CODES, or a reference VM code (ASM_*, verifier codes) for a bad program. */
  readonly code: string;
  readonly message: string;
}

/** A diagnostic with one of optcert's own codes (VM codes are passed through as data). */
export function diagnostic(file: string, line: number, column: number, code: OptcertCode, message: string): Diagnostic {
  return { file, line, column, code, message };
}

/** One line, never more: newlines inside the message are escaped. */
export function formatDiagnostic(d: Diagnostic, shownFile: string): string {
  const message = d.message.replace(/\r?\n/g, '\\n');
  return `${shownFile}:${d.line}:${d.column}: ${d.code}: ${message}`;
}

/** How a file is shown to the user: relative to the working directory ('/'-separated) when inside it. */
export function shownPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return file;
  return rel.split(sep).join('/');
}
