import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { orderedIds } from './ordered-ids';

describe('orderedIds', () => {
  it('makes distinct version-7 UUIDs that sort in the order they were made', () => {
    const next = orderedIds(new Date('2026-11-28T08:00:00Z'));
    const ids = Array.from({ length: 70_000 }, next);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of [ids[0]!, ids[69_999]!]) expect(z.uuid().safeParse(id).success).toBe(true);
    expect(ids[0]).toMatch(/^01a2212b-1000-7[0-9a-f]{3}-8000-0000[0-9a-f]{8}$/);
  });

  it('starts each source with its own random bits', () => {
    const at = new Date('2026-11-28T08:00:00Z');
    expect(orderedIds(at)()).not.toBe(orderedIds(at)());
  });
});
