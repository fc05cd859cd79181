import { describe, expect, it } from 'vitest';
import { canPickUnit, isUnitUser } from './unit-user';

describe('unit users', () => {
  it('treats reporters and unit leads as unit users', () => {
    expect(isUnitUser(['reporter'])).toBe(true);
    expect(isUnitUser(['unit_lead', 'reporter'])).toBe(true);
    expect(canPickUnit(['reporter'])).toBe(false);
  });
  it('treats the office side as not a unit user, able to pick any unit', () => {
    expect(isUnitUser(['office'])).toBe(false);
    expect(isUnitUser(['admin', 'reporter'])).toBe(false);
    expect(canPickUnit(['viewer'])).toBe(true);
  });
});
