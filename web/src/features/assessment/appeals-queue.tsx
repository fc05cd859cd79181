import { App, Button, Empty, Flex, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { APPEAL_STATES, assessmentFileUrl, useAppeals, useDecideAppeal, type AppealListParams, type TAppeal } from '../../api/assessment';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { formatTime } from '../common/format-time';
import { AppealStateTag } from './assessment-tags';

/** The office's queue of self-assessments and appeals, open ones first; deciding needs a comment. */
export function AppealsQueue({ periodId, canDecide }: { periodId: string; canDecide: boolean }) {
  const t = useT();
  const [params, setParams] = useState<AppealListParams>({ page: 1, pageSize: 20 });
  const appeals = useAppeals(periodId, params);
  const [deciding, setDeciding] = useState<{ appeal: TAppeal; decision: 'upheld' | 'rejected' } | null>(null);

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('assess.appeal.rule')}</Typography.Text>
      <Select
        allowClear
        placeholder={t('assess.appeal.state')}
        style={{ width: 160 }}
        value={params.state}
        onChange={(state) => setParams((p) => ({ ...p, state, page: 1 }))}
        options={APPEAL_STATES.map((s) => ({ value: s, label: t(`assess.appeal.state.${s}`) }))}
        data-testid="filter-appeal-state"
      />
      <AppealsTable
        appeals={appeals.data?.items ?? []}
        loading={appeals.isFetching}
        periodId={periodId}
        pagination={{ current: params.page, pageSize: params.pageSize, total: appeals.data?.total ?? 0, onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })) }}
        actions={
          canDecide
            ? (a) =>
                a.state === 'submitted' && (
                  <Space>
                    <Button size="small" type="primary" data-testid={`btn-uphold-${a.id}`} onClick={() => setDeciding({ appeal: a, decision: 'upheld' })}>
                      {t('assess.appeal.uphold')}
                    </Button>
                    <Button size="small" danger data-testid={`btn-reject-${a.id}`} onClick={() => setDeciding({ appeal: a, decision: 'rejected' })}>
                      {t('assess.appeal.reject')}
                    </Button>
                  </Space>
                )
            : undefined
        }
      />
      {deciding && <DecideModal {...deciding} onClose={() => setDeciding(null)} />}
    </Flex>
  );
}

export function AppealsTable({
  appeals,
  loading,
  periodId,
  pagination,
  actions,
}: {
  appeals: TAppeal[];
  loading: boolean;
  periodId: string;
  pagination?: false | { current: number; pageSize: number; total: number; onChange: (page: number, pageSize: number) => void };
  actions?: ((a: TAppeal) => React.ReactNode) | undefined;
}) {
  const t = useT();
  return (
    <Table<TAppeal>
      size="small"
      rowKey="id"
      data-testid="appeals-table"
      loading={loading}
      dataSource={appeals}
      pagination={pagination ?? false}
      locale={{ emptyText: <Empty description={t('assess.appeal.empty')} /> }}
      scroll={{ x: 1000 }}
      columns={[
        { title: t('assess.appeal.unit'), dataIndex: 'unitName', width: 140, render: (n: string, a) => <Link to={`/assessment/${periodId}/units/${a.unitId}`}>{n}</Link> },
        { title: t('assess.appeal.kind'), dataIndex: 'kind', width: 80, render: (k: TAppeal['kind']) => t(`assess.appeal.kind.${k}`) },
        { title: t('assess.appeal.item'), dataIndex: 'itemTitle', width: 120, render: (v: string | null) => v ?? '—' },
        { title: t('assess.appeal.evidence'), dataIndex: 'evidenceLabel', width: 200, render: (v: string | null, a) => v ?? (a.evidenceId ? a.evidenceId : t('assess.appeal.evidenceNone')) },
        {
          title: t('assess.appeal.reason'),
          dataIndex: 'reason',
          render: (r: string, a) => (
            <Flex vertical gap={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{r}</span>
              {a.claimedPoints !== null && <Typography.Text type="secondary">{`${t('assess.appeal.claimed')}: ${a.claimedPoints}`}</Typography.Text>}
              {a.files.map((f) => (
                <a key={f.id} href={assessmentFileUrl(f.id)} target="_blank" rel="noreferrer">
                  {f.fileName}
                </a>
              ))}
            </Flex>
          ),
        },
        {
          title: t('assess.appeal.state'),
          dataIndex: 'state',
          width: 200,
          render: (_, a) => (
            <Flex vertical gap={2}>
              <span>
                <AppealStateTag state={a.state} /> <Typography.Text type="secondary">{formatTime(a.decidedAt ?? a.createdAt)}</Typography.Text>
              </span>
              {a.decisionComment && <Typography.Text>{a.decisionComment}</Typography.Text>}
            </Flex>
          ),
        },
        ...(actions ? [{ title: t('common.actions'), key: 'actions', width: 170, render: (_: unknown, a: TAppeal) => actions(a) }] : []),
      ]}
    />
  );
}

function DecideModal({ appeal, decision, onClose }: { appeal: TAppeal; decision: 'upheld' | 'rejected'; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const decide = useDecideAppeal();
  const [comment, setComment] = useState('');
  return (
    <Modal
      open
      title={`${t(decision === 'upheld' ? 'assess.appeal.uphold' : 'assess.appeal.reject')} · ${appeal.unitName}`}
      okButtonProps={{ disabled: !comment.trim(), loading: decide.isPending, 'data-testid': 'btn-decide-submit' }}
      onCancel={onClose}
      onOk={() =>
        decide.mutate(
          { id: appeal.id, version: appeal.version, decision, comment: comment.trim() },
          {
            onSuccess: () => {
              void message.success(t('assess.appeal.decided'));
              onClose();
            },
            onError: (e) => void message.error(errorText(e)),
          },
        )
      }
    >
      <Typography.Paragraph>{appeal.reason}</Typography.Paragraph>
      <Input.TextArea data-testid="decide-comment" rows={4} maxLength={4000} placeholder={t('assess.appeal.decision')} value={comment} onChange={(e) => setComment(e.target.value)} />
    </Modal>
  );
}
