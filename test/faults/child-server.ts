import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestSource(p) : st.mtimeMs);
  }
  return newest;
}

/**
 * How to run the real server: the built dist/cli.js when it is newer than every source file (CI builds
 * before testing; it starts in a third of the time), else the sources through tsx. FAULTS_SERVER=dist|tsx forces one.
 */
export function serverCommand(): string[] {
  const dist = join(ROOT, 'dist', 'cli.js');
  const mode = process.env.FAULTS_SERVER;
  if (mode === 'dist' || (mode !== 'tsx' && existsSync(dist) && statSync(dist).mtimeMs >= newestSource(join(ROOT, 'src')))) return [dist];
  return ['--import', 'tsx', join(ROOT, 'src', 'cli.ts')];
}

export interface ChildServer {
  proc: ChildProcess;
  base: string;
  log: string[];
  /** SIGKILL: no shutdown hook runs, as when the machine loses power or the OOM killer strikes. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** `shuangcheng start` in a child process on a free loopback port, against `databaseUrl`. */
export function startChildServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const log: string[] = [];
  const proc = spawn(process.execPath, [...serverCommand(), 'start'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT_PER_MINUTE: '10000', JOB_INTERVAL_SECONDS: '3600', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ended = (signal: NodeJS.Signals) => () =>
    new Promise<void>((done) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return done();
      proc.once('exit', () => done());
      proc.kill(signal);
    });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 90 s:\n${log.join('')}`)), 90_000);
    proc.stdout!.on('data', (b: Buffer) => {
      log.push(b.toString());
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(b.toString());
      if (m) {
        clearTimeout(timer);
        ok({ proc, base: m[1]!, log, kill: ended('SIGKILL'), stop: ended('SIGTERM') });
      }
    });
    proc.stderr!.on('data', (b: Buffer) => log.push(b.toString()));
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code ?? signal}) before listening:\n${log.join('')}`));
    });
  });
}

export interface Session {
  headers: Record<string, string>;
}

export async function login(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { headers: { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken } };
}

export async function call(base: string, s: Session, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, { method, headers: { ...s.headers, ...(body !== undefined && { 'content-type': 'application/json' }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> };
}

/** Resident memory of a process in MB (Linux /proc). */
export async function rssMb(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
