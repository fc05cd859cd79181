import { describe, expect, it } from 'vitest';
import { afterFailedLogin, isLocked } from './lockout';
import { checkPassword } from './password-policy';

describe('checkPassword', () => {
  it.each([
    ['abcdefgh12', []],
    ['abcdefg12', ['too_short']],
    ['abcdefghij', ['needs_digit']],
    ['1234567890', ['needs_letter']],
    ['zhangsan2024x', ['contains_username']],
    ['密码很长很长的密码12', []],
  ])('%s → %j', (pw, problems) => {
    expect(checkPassword(pw, 'zhangsan')).toEqual(problems);
  });
});

describe('lockout', () => {
  const policy = { threshold: 3, minutes: 15 };
  const now = new Date('2026-01-01T00:00:00Z');
  it('locks on the threshold-th failure, not before', () => {
    let s = { failedLogins: 0, lockedUntil: null as string | null };
    s = afterFailedLogin(s, now, policy);
    s = afterFailedLogin(s, now, policy);
    expect(isLocked(s, now)).toBe(false);
    s = afterFailedLogin(s, now, policy);
    expect(isLocked(s, now)).toBe(true);
    expect(s.lockedUntil).toBe('2026-01-01T00:15:00.000Z');
    expect(isLocked(s, new Date('2026-01-01T00:15:00.001Z'))).toBe(false);
  });
});
