import { Tag } from 'antd';
import type { ProjectPhase, ProjectSide } from '../../api/projects';
import { useT } from '../../i18n/use-t';
import { PHASE_COLOR } from '../map/build-project-map-option';

export function PhaseTag({ phase }: { phase: ProjectPhase }) {
  const t = useT();
  return <Tag color={PHASE_COLOR[phase]}>{t(`project.phase.${phase}`)}</Tag>;
}

export function SideTag({ side }: { side: ProjectSide }) {
  const t = useT();
  return <Tag color={side === 'joint' ? 'purple' : side === 'chongqing' ? 'geekblue' : 'cyan'}>{t(`project.side.${side}`)}</Tag>;
}

/** 亿元 with at most two decimals; a dash when unknown. */
export const formatYi = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString(undefined, { maximumFractionDigits: 2 }));
