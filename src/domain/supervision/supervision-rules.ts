import { DomainError } from '../errors';
import type { Status } from '../status/status';

/** 提醒 → 催办 → 督办 → 通报: each step is more formal and more public than the last. */
export const SUPERVISION_LEVELS = ['remind', 'urge', 'supervise', 'bulletin'] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

export const SUPERVISION_STATES = ['open', 'responded', 'closed', 'escalated'] as const;
export type SupervisionState = (typeof SUPERVISION_STATES)[number];

export type SupervisionAction = 'respond' | 'close' | 'escalate';

const ALLOWED: Record<SupervisionAction, readonly SupervisionState[]> = {
  respond: ['open'],
  close: ['open', 'responded'],
  escalate: ['open', 'responded'],
};
const RESULT: Record<SupervisionAction, SupervisionState> = { respond: 'responded', close: 'closed', escalate: 'escalated' };

export function nextSupervisionState(state: SupervisionState, action: SupervisionAction): SupervisionState {
  if (!ALLOWED[action].includes(state)) throw new DomainError('SUPERVISION_TRANSITION_INVALID', { state, action });
  return RESULT[action];
}

/** The level after `level`; a bulletin is the last word. */
export function nextLevel(level: SupervisionLevel): SupervisionLevel {
  const i = SUPERVISION_LEVELS.indexOf(level);
  if (i === SUPERVISION_LEVELS.length - 1) throw new DomainError('SUPERVISION_TRANSITION_INVALID', { level, action: 'escalate' });
  return SUPERVISION_LEVELS[i + 1]!;
}

/**
 * What the office should issue for a task, if anything: a red task with no open item gets a reminder,
 * or the level after the last one if an earlier item was closed while the task stayed red.
 */
export function proposeSupervision(status: Status, items: readonly { level: SupervisionLevel; state: SupervisionState }[]): SupervisionLevel | null {
  if (status !== 'red') return null;
  if (items.some((i) => i.state === 'open' || i.state === 'responded')) return null;
  const highest = items.reduce<number>((max, i) => Math.max(max, SUPERVISION_LEVELS.indexOf(i.level)), -1);
  return SUPERVISION_LEVELS[Math.min(highest + 1, SUPERVISION_LEVELS.length - 1)]!;
}
