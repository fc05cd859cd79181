import { Space, Tag } from 'antd';
import { STATUSES, type Status } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { STATUS_TAG_COLOR } from './status-color';

/** "滞后 2 · 预警 1 · …": only the statuses that occur. */
export function StatusCounts({ counts }: { counts: Partial<Record<Status, number>> }) {
  const t = useT();
  return (
    <Space size={4} wrap>
      {STATUSES.filter((s) => (counts[s] ?? 0) > 0).map((s) => (
        <Tag key={s} color={STATUS_TAG_COLOR[s]} data-status={s}>
          {t(`status.${s}`)} {counts[s]}
        </Tag>
      ))}
    </Space>
  );
}
