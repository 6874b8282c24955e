/**
 * Which spec/*.md file defines each anchor, read from the files themselves: where the instruction
 * reference links an instruction's "see also" anchors. instructions.md, which the generator
 * writes, is left out so that the output never depends on its previous version.
 * @spec #isa-table
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ANCHOR = /<a\s+[^>]*?\bid="([^"]+)"[^>]*>/g;
const GENERATED = 'instructions.md';

export function specAnchorFiles(specDir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of readdirSync(specDir).filter((n) => n.endsWith('.md') && n !== GENERATED).sort()) {
    for (const m of readFileSync(join(specDir, file), 'utf8').matchAll(ANCHOR)) files.set(m[1]!, file);
  }
  return files;
}
