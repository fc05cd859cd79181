import { describe, expect, it } from 'vitest';
import { changedKeys } from './changed-keys';

describe('changedKeys', () => {
  it('finds changed, added and removed keys', () => {
    const result = changedKeys({ title: 'a', weight: 1, dueOn: '2026-01-01' }, { title: 'b', weight: 1, keyArea: 'x' });
    expect([...result].sort()).toEqual(['dueOn', 'keyArea', 'title']);
  });

  it('compares nested values by content', () => {
    expect(changedKeys({ aliases: ['a'] }, { aliases: ['a'] }).size).toBe(0);
    expect([...changedKeys({ aliases: ['a'] }, { aliases: ['a', 'b'] })]).toEqual(['aliases']);
  });

  it('treats a null side (create or delete) as every key changed', () => {
    expect([...changedKeys(null, { title: 'a' })]).toEqual(['title']);
    expect([...changedKeys({ title: 'a' }, null)]).toEqual(['title']);
    expect(changedKeys(null, null).size).toBe(0);
  });

  it('counts null versus absent as a change', () => {
    expect([...changedKeys({ body: null }, {})]).toEqual(['body']);
  });
});
