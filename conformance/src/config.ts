/** Where optcert's own files are: the package root holds spec/ and fixtures/tags.yaml. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest directory at or above `start` with optcert's package.json. */
export function findPackageRoot(start: string): string | null {
  let dir = start;
  for (;;) {
    if (isOptcertRoot(dir)) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function isOptcertRoot(dir: string): boolean {
  const pkg = join(dir, 'package.json');
  if (!existsSync(pkg)) return false;
  try {
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'optcert';
  } catch {
    return false;
  }
}

export function packageVersion(root: string | null): string {
  if (!root) return '0.0.0';
  const v = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown }).version;
  return typeof v === 'string' ? v : '0.0.0';
}

export const defaultSpecDir = (root: string | null, cwd: string): string => join(root ?? cwd, 'spec');
export const defaultTagsFile = (root: string | null, cwd: string): string => join(root ?? cwd, 'fixtures', 'tags.yaml');
