/**
 * The web app's initial JavaScript (issue 4 target: ≤ 350 KB gzip): the scripts index.html loads before
 * anything renders — the entry and every chunk it modulepreloads (its static imports) — each gzipped at
 * level 9 as a server would serve it. Lazy route chunks are not counted; they load on navigation.
 *
 *   npm run bench:web                 # builds into bench/data/web (dist/ is left alone), then measures
 *   npm run bench:web -- --dir dist/web   # measure an existing build
 *   options: --write (append the figure to bench/RESULTS.md)
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { dir: { type: 'string' }, write: { type: 'boolean', default: false } } });
export const BUDGET_BYTES = 350 * 1024;

let dir = values.dir ? resolve(values.dir) : join(root, 'bench', 'data', 'web');
if (!values.dir) {
  execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'web/vite.config.ts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
dir = resolve(dir);
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
const gz = (file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
const sized = initial.map((f) => ({ file: f, gzip: gz(f) })).sort((a, b) => b.gzip - a.gzip);
const total = sized.reduce((n, s) => n + s.gzip, 0);
const all = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'));
const allGzip = all.reduce((n, f) => n + gz(join('assets', f)), 0);
const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;

console.log(`initial JS: ${sized.length} scripts, ${kb(total)} gzip (${total} B); budget ${kb(BUDGET_BYTES)} → ${total <= BUDGET_BYTES ? 'within' : `over by ${kb(total - BUDGET_BYTES)}`}`);
for (const s of sized.slice(0, 12)) console.log(`  ${kb(s.gzip).padStart(10)}  ${s.file}`);
console.log(`all JS: ${all.length} files, ${kb(allGzip)} gzip`);
if (values.write) {
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const line = `- ${when} — web initial JS (index.html's entry + modulepreloads, gzip -9 each): **${kb(total)}** (${total} B) in ${sized.length} scripts, budget 350 KiB: ${total <= BUDGET_BYTES ? 'within' : `over by ${kb(total - BUDGET_BYTES)}`}; biggest: ${sized.slice(0, 5).map((s) => `${s.file.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '')} ${kb(s.gzip)}`).join(', ')}; all JS ${all.length} files, ${kb(allGzip)} gzip (\`npm run bench:web\`)`;
  appendFileSync(join(root, 'bench', 'RESULTS.md'), `\n${line}\n`);
}
