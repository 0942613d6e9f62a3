// The last step of `npm run build`. The build keeps the source layout (dist/src, dist/examples),
// so that a module under examples/ imported by src/main.ts is found from dist/ as from the
// sources; dist/main.js and dist/cli.js stay the entry points. dist/.built marks a finished
// build (`npm start` rebuilds only when a source is newer).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DIST = resolve(import.meta.dirname, '..', 'dist');
writeFileSync(join(DIST, 'main.js'), "import './src/main.js';\n");
writeFileSync(join(DIST, 'cli.js'), "import './src/cli.js';\n");
writeFileSync(join(DIST, '.built'), `${new Date().toISOString()}\n`);
