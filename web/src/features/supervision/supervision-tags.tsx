import { Tag } from 'antd';
import type { SupervisionLevel, SupervisionState } from '../../api/supervision';
import { useT } from '../../i18n/use-t';

/** 提醒 → 催办 → 督办 → 通报 in escalating colours. */
export const LEVEL_COLOR: Record<SupervisionLevel, string> = { remind: 'blue', urge: 'gold', supervise: 'orange', bulletin: 'red' };
export const STATE_COLOR: Record<SupervisionState, string> = { open: 'processing', responded: 'cyan', closed: 'success', escalated: 'purple' };

export function LevelTag({ level }: { level: SupervisionLevel }) {
  const t = useT();
  return (
    <Tag color={LEVEL_COLOR[level]} data-level={level}>
      {t(`supervision.level.${level}`)}
    </Tag>
  );
}

export function SupervisionStateTag({ state }: { state: SupervisionState }) {
  const t = useT();
  return (
    <Tag color={STATE_COLOR[state]} data-state={state}>
      {t(`supervision.state.${state}`)}
    </Tag>
  );
}

/** An item still waiting for an answer after its due date. */
export function isOverdue(item: { state: SupervisionState; responseDueOn: string }, today: string): boolean {
  return item.state === 'open' && item.responseDueOn < today;
}
