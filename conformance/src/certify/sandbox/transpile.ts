/**
 * Candidate sources to CommonJS, whatever they were written as (.js, .cjs, .mjs, .ts, .cts, .mts;
 * CommonJS or ESM syntax): TypeScript's transpile API, a dependency of optcert's own, so loading
 * never depends on the user's TypeScript, ts-node or tsconfig. Types are erased, not checked.
 * @spec #certify-module
 */
import type * as TypeScript from 'typescript';

import { decodeMappings, type LineMap } from './source-map';

export type Transpiled = { readonly ok: true; readonly js: string; readonly map: LineMap } | { readonly ok: false; readonly message: string };

let compiler: typeof TypeScript | null = null;

/** `file:line:col: message` for the first syntax error, or the CommonJS text. */
export function toCommonJs(file: string, source: string): Transpiled {
  // Loaded on first use: a worker certifying a bundled sample never pays for it.
  compiler ??= require('typescript') as typeof TypeScript;
  const ts = compiler;
  const r = ts.transpileModule(source, {
    // Parsed as TypeScript whatever the extension (JavaScript is accepted as it is); the real name is in messages.
    fileName: file.replace(/\.[cm]?[jt]s$/, '') + '.ts',
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      sourceMap: true,
    },
  });
  const first = r.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (first) {
    const where = first.file && first.start !== undefined ? first.file.getLineAndCharacterOfPosition(first.start) : null;
    const text = ts.flattenDiagnosticMessageText(first.messageText, ' ');
    return { ok: false, message: `${file}:${where ? `${where.line + 1}:${where.character + 1}` : '1:1'}: TS${first.code}: ${text}` };
  }
  const mappings = r.sourceMapText ? (JSON.parse(r.sourceMapText) as { mappings?: string }).mappings : undefined;
  // TypeScript ends the text with a sourceMappingURL comment naming a file that does not exist.
  const js = r.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  return { ok: true, js, map: mappings ? decodeMappings(mappings) : [] };
}
