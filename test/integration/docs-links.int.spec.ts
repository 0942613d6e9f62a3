import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchors, codeSpans, githubSlug, links, readMarkdown } from '../support/markdown.js';

/** The README and the pages under docs/: a first visit, and every link in them leading somewhere. */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const README = join(ROOT, 'README.md');
const DOCS = join(ROOT, 'docs');
const PAGES = [
  README,
  ...readdirSync(DOCS)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(DOCS, name)),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i; // http:, https:, mailto:…

/** Folders the test runs fill, ignored by git (see .gitignore): named by the docs, made by runs. */
const GENERATED = readFileSync(join(ROOT, '.gitignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => /^(test|docs|src)\/.+\/$/.test(line));

describe('The README and docs/', () => {
  it('keep the README to a first visit: at most 400 lines', () => {
    const lines = readMarkdown(README).replace(/\n$/, '').split('\n').length;
    expect(lines).toBeLessThanOrEqual(400);
  });

  it.each(PAGES.map((page) => [relative(ROOT, page), page]))(
    '%s: every relative link names a file that exists, and every #anchor a heading in it',
    (_name, page) => {
      const broken: string[] = [];
      for (const { target, line } of links(readMarkdown(page))) {
        if (EXTERNAL.test(target)) continue;
        const [path = '', anchor] = target.split('#', 2) as [string, string | undefined];
        const file = path === '' ? page : resolve(dirname(page), decodeURI(path));
        const where = `${relative(ROOT, page)}:${line} → ${target}`;
        if (!file.startsWith(ROOT) || !existsSync(file)) {
          broken.push(`${where}: no such file`);
          continue;
        }
        if (anchor === undefined) continue;
        if (!file.endsWith('.md') || statSync(file).isDirectory()) {
          broken.push(`${where}: an anchor into a file that is not Markdown`);
        } else if (!anchors(readMarkdown(file)).has(decodeURIComponent(anchor))) {
          broken.push(`${where}: no heading with this anchor in ${relative(ROOT, file)}`);
        }
      }
      expect(broken).toEqual([]);
    },
  );

  it.each(PAGES.map((page) => [relative(ROOT, page), page]))(
    '%s: every file or folder of the repository it names in code exists',
    (_name, page) => {
      const missing = codeSpans(readMarkdown(page))
        .filter(({ target }) =>
          /^(src|test|bench|examples|deploy|scripts|console|docs)\/[\w./-]*$/.test(target),
        )
        // What a run makes (screenshots, generated clients) is ignored by git and may not exist yet.
        .filter(({ target }) => !GENERATED.some((path) => target.startsWith(path)))
        .filter(({ target }) => !existsSync(join(ROOT, target.replace(/\/$/, ''))))
        .map(({ target, line }) => `${relative(ROOT, page)}:${line}: ${target}`);
      expect(missing).toEqual([]);
    },
  );

  it('link every page of docs/ from the README', () => {
    const linked = new Set(
      links(readMarkdown(README))
        .map(({ target }) => target.split('#')[0])
        .filter((target) => target.startsWith('docs/') && target.endsWith('.md')),
    );
    const pages = PAGES.filter((page) => page !== README).map((page) => relative(ROOT, page));
    expect(pages.filter((page) => !linked.has(page))).toEqual([]);
  });

  it('name every folder directly under src/ in docs/architecture.md', () => {
    const architecture = readMarkdown(join(DOCS, 'architecture.md'));
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.length).toBeGreaterThan(10);
    const named = (folder: string) => new RegExp(`\`src/${folder}/?\``).test(architecture);
    expect(folders.filter((folder) => !named(folder))).toEqual([]);
  });

  it('name in docs/architecture.md only classes that exist in src/', () => {
    const named = codeSpans(readMarkdown(join(DOCS, 'architecture.md')))
      .map(({ target }) => target)
      .filter((name) => /^[A-Z][a-z]+(?:[A-Z][a-z]*)+$/.test(name));
    expect(named.length).toBeGreaterThan(10);
    const declared = new Set(
      sourceFiles(join(ROOT, 'src')).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\bclass\s+([A-Z]\w*)/g)].map((m) => m[1]),
      ),
    );
    expect([...new Set(named)].filter((name) => !declared.has(name))).toEqual([]);
  });

  it('slug headings the way GitHub does', () => {
    expect(githubSlug('2. Beside any API: forward auth')).toBe('2-beside-any-api-forward-auth');
    expect(githubSlug('Purge, scheduled jobs and the admin CLI')).toBe(
      'purge-scheduled-jobs-and-the-admin-cli',
    );
    expect(githubSlug('The `POST /verify` route')).toBe('the-post-verify-route');
    expect(githubSlug('[Linked](x.md) heading')).toBe('linked-heading');
    expect(githubSlug('Browser sessions: a choice')).toBe('browser-sessions-a-choice');
    expect(
      anchors('# Purge\n\n```sh\n# not a heading\n```\n\n## Purge\n### Purge\n').has('purge-2'),
    ).toBe(true);
  });
});
