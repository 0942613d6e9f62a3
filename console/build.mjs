// Builds the console into dist/console/public (next to the server module that serves it):
// one minified script, one stylesheet, the page.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist', 'console', 'public');

await mkdir(join(out, 'assets'), { recursive: true });
await build({
  entryPoints: [
    { in: join(here, 'src', 'main.ts'), out: 'console' },
    { in: join(here, 'console.css'), out: 'console' },
  ],
  outdir: join(out, 'assets'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['chrome111', 'firefox115', 'safari16'],
  legalComments: 'none',
  logLevel: 'warning',
});
await copyFile(join(here, 'index.html'), join(out, 'index.html'));
