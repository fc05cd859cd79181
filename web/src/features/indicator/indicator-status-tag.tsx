import { Tag } from 'antd';
import type { IndicatorStatus } from '../../api/indicators';
import { useT } from '../../i18n/use-t';

const COLOR: Record<IndicatorStatus, string> = { on_track: 'green', behind: 'orange', far_behind: 'red', no_data: 'default', no_trajectory: 'default' };

export function IndicatorStatusTag({ status }: { status: IndicatorStatus }) {
  const t = useT();
  return (
    <Tag color={COLOR[status]} data-testid={`ind-status-${status}`}>
      {t(`ind.status.${status}`)}
    </Tag>
  );
}
