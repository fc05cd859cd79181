import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)].map((m) => ({ spec: m[3]!, typeOnly: Boolean(m[2]) }));
}

// The dependency rule of STYLE.md B1: data flows edge → services → domain, and the web sees only types.
describe('layering', () => {
  it('keeps the domain core pure: no database, server, services, or I/O modules', () => {
    const bad = files(join(root, 'src/domain')).flatMap((f) =>
      imports(f)
        .filter((i) => /\/(db|server|services|seed)\//.test(i.spec) || /^(fastify|kysely|pg|better-sqlite3|node:fs|node:net|node:http)/.test(i.spec))
        .map((i) => `${relative(root, f)} → ${i.spec}`),
    );
    expect(bad).toEqual([]);
  });

  it('keeps HTTP out of the services and the database layer', () => {
    const bad = [...files(join(root, 'src/services')), ...files(join(root, 'src/db'))].flatMap((f) =>
      imports(f)
        .filter((i) => i.spec.startsWith('fastify') || i.spec.startsWith('@fastify') || /\/server\//.test(i.spec))
        .map((i) => `${relative(root, f)} → ${i.spec}`),
    );
    expect(bad).toEqual([]);
  });

  it('lets the web import only types from the server', () => {
    const bad = files(join(root, 'web/src')).flatMap((f) =>
      imports(f)
        .filter((i) => i.spec.includes('/src/') && i.spec.startsWith('../') && !i.typeOnly)
        .map((i) => `${relative(root, f)} → ${i.spec}`),
    );
    expect(bad).toEqual([]);
  });
});
