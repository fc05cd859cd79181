import { Tag } from 'antd';
import { STATUS_COLOR, type Status } from '../../charts/status-colors';
import { useT } from '../../i18n/use-t';

export function StatusTag({ status }: { status: Status | null }) {
  const t = useT();
  if (!status) return null;
  return (
    <Tag color={STATUS_COLOR[status]} variant="solid" style={{ marginInlineEnd: 0 }}>
      {t(`cockpit.status.${status}`)}
    </Tag>
  );
}
