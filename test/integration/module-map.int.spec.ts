import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The module map of docs/architecture.md holds: each folder of src/ imports only the folders
 * its row allows, and no two folders import each other, directly or around a loop.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'src');

/** Each folder's row of the map: the folders it may import. */
function documentedImports(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const architecture = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
  for (const line of architecture.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const folder = /^`src\/([a-z-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!folder || cells.length < 6) continue;
    const allowed = [...cells[4].matchAll(/`([a-z-]+)`/g)].map((match) => match[1]);
    map.set(folder, new Set(allowed.filter((name) => name !== folder)));
  }
  return map;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Each folder of src/ and the other folders of src/ its code imports. */
function actualImports(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const folders = readdirSync(SRC, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const { name: folder } of folders) {
    const imported = new Set<string>();
    for (const file of sourceFiles(join(SRC, folder))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = relative(SRC, normalize(join(dirname(file), match[1])));
        const [top, ...rest] = target.split('/');
        // A folder of src/ (not a file at its root, not outside it) other than this one.
        if (rest.length > 0 && top !== '..' && top !== folder) imported.add(top);
      }
    }
    map.set(folder, imported);
  }
  return map;
}

describe('The module map of docs/architecture.md', () => {
  const documented = documentedImports();
  const actual = actualImports();

  it('has a row for every folder of src/', () => {
    expect([...documented.keys()].sort()).toEqual([...actual.keys()].sort());
  });

  it('allows every import a folder makes', () => {
    const undeclared = [...actual].flatMap(([folder, imported]) =>
      [...imported]
        .filter((target) => !documented.get(folder)?.has(target))
        .map((target) => `src/${folder} imports src/${target}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('allows no cycle between folders', () => {
    const cycles: string[] = [];
    const visit = (folder: string, path: string[]) => {
      for (const next of documented.get(folder) ?? []) {
        if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
        else visit(next, [...path, next]);
      }
    };
    for (const folder of documented.keys()) visit(folder, [folder]);
    expect(cycles).toEqual([]);
  });
});
