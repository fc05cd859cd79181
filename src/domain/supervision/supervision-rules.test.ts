import { describe, expect, it } from 'vitest';
import { nextLevel, nextSupervisionState, proposeSupervision } from './supervision-rules';

describe('supervision rules', () => {
  it.each([
    ['open', 'respond', 'responded'],
    ['open', 'close', 'closed'],
    ['responded', 'close', 'closed'],
    ['responded', 'escalate', 'escalated'],
    ['open', 'escalate', 'escalated'],
  ] as const)('%s --%s--> %s', (from, action, to) => expect(nextSupervisionState(from, action)).toBe(to));

  it.each([
    ['responded', 'respond'],
    ['closed', 'respond'],
    ['closed', 'escalate'],
    ['escalated', 'close'],
  ] as const)('refuses %s --%s', (from, action) => expect(() => nextSupervisionState(from, action)).toThrow('SUPERVISION_TRANSITION_INVALID'));

  it('escalates one level at a time, and no further than a bulletin', () => {
    expect(nextLevel('remind')).toBe('urge');
    expect(nextLevel('supervise')).toBe('bulletin');
    expect(() => nextLevel('bulletin')).toThrow();
  });

  it.each([
    ['green', [], null],
    ['red', [], 'remind'],
    ['red', [{ level: 'remind', state: 'open' }], null],
    ['red', [{ level: 'remind', state: 'closed' }], 'urge'],
    ['red', [{ level: 'remind', state: 'escalated' }, { level: 'urge', state: 'closed' }], 'supervise'],
    ['red', [{ level: 'bulletin', state: 'closed' }], 'bulletin'],
    ['yellow', [{ level: 'remind', state: 'closed' }], null],
  ] as const)('proposes for %s with %j → %s', (status, items, level) => expect(proposeSupervision(status, items)).toBe(level));
});
