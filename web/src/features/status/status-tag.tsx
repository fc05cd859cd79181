import { Tag } from 'antd';
import type { Status } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { STATUS_COLOR, STATUS_TAG_COLOR } from './status-color';

export function StatusTag({ status }: { status: Status | null }) {
  const t = useT();
  if (!status) return <Tag>{t('status.none')}</Tag>;
  return (
    <Tag color={STATUS_TAG_COLOR[status]} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}

/** A small coloured dot with the status as its tooltip text, for dense lists such as the plan tree. */
export function StatusDot({ status }: { status: Status }) {
  const t = useT();
  return (
    <span
      title={t(`status.${status}`)}
      aria-label={t(`status.${status}`)}
      data-status={status}
      style={{ display: 'inline-block', width: 8, height: 8, borderRadius: '50%', background: STATUS_COLOR[status], marginInlineEnd: 6, verticalAlign: 'middle' }}
    />
  );
}
