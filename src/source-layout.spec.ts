import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One job per file: a source file past this many lines usually holds two ideas. */
const MAX_LINES = 400;
const SRC = fileURLToPath(new URL('.', import.meta.url));
const MIGRATIONS = join(SRC, 'database', 'migrations');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === MIGRATIONS ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function lineCount(path: string): number {
  const text = readFileSync(path, 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('Source layout', () => {
  it(`keeps every source file under src/ (migrations and specs aside) at ${MAX_LINES} lines or fewer`, () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const oversize = files
      .map((path) => ({ path: relative(SRC, path), lines: lineCount(path) }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ path, lines }) => `${path} (${lines} lines)`);
    expect(oversize).toEqual([]);
  });
});
