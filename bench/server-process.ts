/**
 * Runs the real server (`cli.js start`, bundled from src/cli.ts) as a child process for the benchmarks that measure the
 * server alone (RSS) or several servers (scale-out). RSS comes from /proc: VmRSS now, VmHWM the peak.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_PASSWORD } from './generate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerProcess {
  proc: ChildProcess;
  base: string;
  log: string[];
  stop(): Promise<void>;
}

/**
 * The server as deployed: `src/cli.ts` bundled the way `npm run build:server` does, but into bench/data
 * (git-ignored) so dist/ is left alone. Running it through tsx instead would add ~115 MB of RSS (the
 * transpiler and its source maps) to every memory figure.
 */
let bundled: string | null = null;
export function serverBundle(): string {
  if (bundled) return bundled;
  // A bundle built elsewhere (an experiment: the same server with one change) is measured as given.
  if (process.env.BENCH_SERVER_BUNDLE) return (bundled = process.env.BENCH_SERVER_BUNDLE);
  const outdir = join(root, 'bench', 'data', 'server-bundle');
  const out = join(outdir, 'cli.js');
  execFileSync(join(root, 'node_modules', '.bin', 'esbuild'), ['src/cli.ts', '--bundle', '--platform=node', '--format=esm', '--target=node20', '--packages=external', '--splitting', '--log-level=warning', `--outdir=${outdir}`], { cwd: root, stdio: 'inherit' });
  return (bundled = out);
}

export function startServer(name: string, dbUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const log: string[] = [];
  const proc = spawn(process.execPath, [serverBundle(), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      SHUANGCHENG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 120 s:\n${log.join('')}`)), 120_000);
    proc.stdout!.on('data', (b: Buffer) => {
      const s = b.toString();
      log.push(s);
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(s);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, base: m[1]!, log, stop });
      }
    });
    proc.stderr!.on('data', (b: Buffer) => log.push(b.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}):\n${log.join('')}`));
    });
  });
}

/** Resident and peak resident memory of a process, in MB (Linux). */
export function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

export interface Session {
  headers: Record<string, string>;
}

export async function login(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username} via ${base}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { headers: { cookie, 'x-csrf-token': csrfToken } };
}
