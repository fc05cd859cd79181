import { App, Button, Card, Descriptions, Empty, Flex, Input, Modal, Popconfirm, Result, Spin, Switch, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../api/client';
import { usePeriod, usePeriodAction, useUpdatePeriod, type TAssessmentPeriodDetail } from '../api/assessment';
import { AdjustmentsCard } from '../features/assessment/adjustments-card';
import { AppealsQueue } from '../features/assessment/appeals-queue';
import { PeriodStateTag } from '../features/assessment/assessment-tags';
import { LeagueTablesCard } from '../features/assessment/league-tables-card';
import { SchemeEditor } from '../features/assessment/scheme-editor';
import { usePermissions } from '../features/auth/use-permissions';
import { formatTime } from '../features/common/format-time';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

/** One period: its scheme, computation, league tables, appeals, bonus/penalty entries and publication. */
export default function AssessmentPeriodPage() {
  const t = useT();
  const errorText = useErrorText();
  const { id } = useParams();
  const period = usePeriod(id);
  const can = usePermissions();
  const [tab, setTab] = useState('league');

  if (period.error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(period.error)} />;
  if (period.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const p = period.data;
  const manage = can('assessment:manage');
  const editable = manage && p.state !== 'published';

  return (
    <Card title={<Flex gap={8} align="center">{p.label} <PeriodStateTag state={p.state} publishedNumber={p.publishedNumber} /></Flex>} extra={manage && <PeriodActions period={p} />}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('assess.range')}>{`${p.periodStart} ~ ${p.periodEnd}`}</Descriptions.Item>
        <Descriptions.Item label={t('assess.includeChongqing')}>
          {editable ? <IncludeChongqingSwitch period={p} /> : p.includeChongqing ? t('common.yes') : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('assess.state')}>
          {p.computedAt ? t('assess.computedAt', { at: formatTime(p.computedAt), asOf: p.computedAsOf ?? '—' }) : t('assess.league.empty')}
        </Descriptions.Item>
      </Descriptions>
      {p.needsCompute && p.computedAt && <Tag color="orange" data-testid="needs-compute">{t('assess.needsCompute')}</Tag>}
      {p.state === 'published' && <Tag color="green">{t('assess.frozen', { n: p.publishedNumber })}</Tag>}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'league', label: t('assess.tab.league'), children: <LeagueTablesCard period={p} /> },
          { key: 'scheme', label: t('assess.tab.scheme'), children: <SchemeEditor period={p} editable={editable} /> },
          { key: 'appeals', label: `${t('assess.tab.appeals')}${p.openAppeals ? ` (${p.openAppeals})` : ''}`, children: <AppealsQueue periodId={p.id} canDecide={editable} /> },
          { key: 'adjustments', label: t('assess.tab.adjustments'), children: <AdjustmentsCard periodId={p.id} editable={editable} /> },
          { key: 'publications', label: t('assess.tab.publications'), children: <Publications period={p} /> },
        ]}
      />
    </Card>
  );
}

function PeriodActions({ period }: { period: TAssessmentPeriodDetail }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const action = usePeriodAction(period.id);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const run = (kind: 'compute' | 'publish' | 'reopen', extra?: { reason: string }, done?: () => void) =>
    action.mutate(
      { action: kind, version: period.version, ...extra },
      {
        onSuccess: () => {
          void message.success(t(kind === 'compute' ? 'assess.computed' : kind === 'publish' ? 'assess.published' : 'common.saved'));
          done?.();
        },
        onError: (e) => void message[e instanceof ApiError && e.code === 'VERSION_CONFLICT' ? 'warning' : 'error'](e instanceof ApiError && e.code === 'VERSION_CONFLICT' ? t('assess.conflict') : errorText(e)),
      },
    );

  if (period.state === 'published') {
    return (
      <>
        <Button onClick={() => setReopening(true)} data-testid="btn-reopen">
          {t('assess.reopen')}
        </Button>
        <Modal
          open={reopening}
          title={t('assess.reopen')}
          onCancel={() => setReopening(false)}
          okButtonProps={{ disabled: !reason.trim(), loading: action.isPending, 'data-testid': 'btn-reopen-submit' }}
          onOk={() => run('reopen', { reason: reason.trim() }, () => setReopening(false))}
        >
          <p>{t('assess.reopenHelp')}</p>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('assess.reopenReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reopen-reason" />
        </Modal>
      </>
    );
  }
  return (
    <Flex gap={8}>
      <Button type={period.state === 'draft' ? 'primary' : 'default'} loading={action.isPending && action.variables?.action === 'compute'} onClick={() => run('compute')} data-testid="btn-compute">
        {period.computedAt ? t('assess.recompute') : t('assess.compute')}
      </Button>
      <Popconfirm title={t('assess.publishConfirm')} onConfirm={() => run('publish')} okButtonProps={{ 'data-testid': 'btn-publish-confirm' } as React.ComponentProps<typeof Button>}>
        <Button type="primary" disabled={period.state !== 'computed'} data-testid="btn-publish">
          {t('assess.publish')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}

function Publications({ period }: { period: TAssessmentPeriodDetail }) {
  const t = useT();
  return (
    <Table
      size="small"
      rowKey="number"
      pagination={false}
      dataSource={period.publications}
      locale={{ emptyText: <Empty description={t('assess.publications.empty')} /> }}
      columns={[
        { title: t('assess.publications.number'), dataIndex: 'number', width: 90, render: (n: number) => t('assess.publishedVersion', { n }) },
        { title: t('assess.publications.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
        { title: t('assess.publications.at'), dataIndex: 'publishedAt', width: 160, render: (at: string) => formatTime(at) },
        { title: t('assess.publications.by'), dataIndex: 'publishedBy', width: 120 },
      ]}
    />
  );
}

/** Whether Chongqing-side units form a third ranked group; changing it needs a recompute. */
function IncludeChongqingSwitch({ period }: { period: TAssessmentPeriodDetail }) {
  const errorText = useErrorText();
  const { message } = App.useApp();
  const update = useUpdatePeriod(period.id);
  return (
    <Switch
      size="small"
      checked={period.includeChongqing}
      loading={update.isPending}
      data-testid="switch-include-cq"
      onChange={(includeChongqing) => update.mutate({ version: period.version, includeChongqing }, { onError: (e) => void message.error(errorText(e)) })}
    />
  );
}
