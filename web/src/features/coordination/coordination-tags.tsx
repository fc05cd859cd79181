import { Tag } from 'antd';
import type { AgreementStatus, MeetingLayer, RequestStatus } from '../../api/coordination';
import { useT } from '../../i18n/use-t';

const LAYER_COLOR: Record<MeetingLayer, string> = { decision: 'red', coordination: 'blue', execution: 'green' };
const AGREEMENT_COLOR: Record<AgreementStatus, string> = { no_matters: 'default', in_progress: 'processing', lagging: 'error', completed: 'success' };
const REQUEST_COLOR: Record<RequestStatus, string> = {
  drafting: 'default',
  submitted: 'processing',
  under_consideration: 'gold',
  approved: 'success',
  partly_approved: 'cyan',
  not_approved: 'error',
};

export function LayerTag({ layer }: { layer: MeetingLayer }) {
  const t = useT();
  return <Tag color={LAYER_COLOR[layer]}>{t(`coord.layer.${layer}`)}</Tag>;
}

export function AgreementStatusTag({ status }: { status: AgreementStatus }) {
  const t = useT();
  return <Tag color={AGREEMENT_COLOR[status]}>{t(`agreements.status.${status}`)}</Tag>;
}

export function RequestStatusTag({ status }: { status: RequestStatus }) {
  const t = useT();
  return <Tag color={REQUEST_COLOR[status]}>{t(`requests.status.${status}`)}</Tag>;
}

/** done / on track / late as three small tags. */
export function SourceCountTags({ counts }: { counts: { done: number; onTrack: number; late: number } }) {
  const t = useT();
  return (
    <span>
      <Tag color="success" title={t('coord.counts.done')}>
        {counts.done}
      </Tag>
      <Tag color="processing" title={t('coord.counts.onTrack')}>
        {counts.onTrack}
      </Tag>
      <Tag color={counts.late > 0 ? 'error' : 'default'} title={t('coord.counts.late')}>
        {counts.late}
      </Tag>
    </span>
  );
}
