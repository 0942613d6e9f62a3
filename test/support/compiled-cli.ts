import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

export interface CompiledCli {
  /** The compiled entry point, to run with `node`. */
  entry: string;
  remove(): Promise<void>;
}

/**
 * The CLI compiled once, as `npm run build` compiles it, into a directory of its own: each call
 * then starts plain Node, as an operator's does, instead of compiling TypeScript on the fly
 * (several seconds a call on a busy machine).
 */
export async function compileCli(): Promise<CompiledCli> {
  const out = await mkdtemp(join(tmpdir(), 'tessera-cli-'));
  await run(
    join(ROOT, 'node_modules/.bin/swc'),
    ['src', '-d', out, '--strip-leading-paths', '--config-file', '.swcrc', '-q'],
    { cwd: ROOT },
  );
  // ES modules, and the project's dependencies, as beside the sources.
  await writeFile(join(out, 'package.json'), JSON.stringify({ type: 'module' }));
  await symlink(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
  return { entry: join(out, 'cli.js'), remove: () => rm(out, { recursive: true, force: true }) };
}
