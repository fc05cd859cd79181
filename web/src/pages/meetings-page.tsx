import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, Result, Select, Spin, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { MEETING_LAYERS, useMeetings, type MeetingListParams, type TMeetingListItem } from '../api/coordination';
import { usePermissions } from '../features/auth/use-permissions';
import { useCurrentPlan } from '../features/common/use-current-plan';
import { LayerTag, SourceCountTags } from '../features/coordination/coordination-tags';
import { MeetingFormModal } from '../features/coordination/meeting-form-modal';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

export default function MeetingsPage() {
  const t = useT();
  const errorText = useErrorText();
  const can = usePermissions();
  const { plan, isPending, error: planError } = useCurrentPlan();
  const [params, setParams] = useState<MeetingListParams>({ page: 1, pageSize: 20 });
  const meetings = useMeetings(plan?.id, params);
  const [creating, setCreating] = useState(false);

  const error = planError ?? meetings.error;
  if (error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(error)} />;
  if (isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!plan) return <Empty description={t('plan.noPlan')} />;

  return (
    <Card
      title={t('meetings.title')}
      extra={
        can('plan:edit') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="btn-new-meeting">
            {t('meetings.new')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          <Select
            allowClear
            data-testid="filter-meeting-layer"
            placeholder={t('coord.layer')}
            style={{ width: 140 }}
            value={params.layer}
            onChange={(layer) => setParams((p) => ({ ...p, layer, page: 1 }))}
            options={MEETING_LAYERS.map((l) => ({ value: l, label: t(`coord.layer.${l}`) }))}
          />
          <Input.Search
            allowClear
            data-testid="filter-meeting-body"
            placeholder={t('meetings.filterBody')}
            style={{ width: 240 }}
            onSearch={(body) => setParams((p) => ({ ...p, body: body.trim() || undefined, page: 1 }))}
          />
        </Flex>
        <Table<TMeetingListItem>
          data-testid="meetings-table"
          size="small"
          rowKey="id"
          loading={meetings.isFetching}
          dataSource={meetings.data?.items ?? []}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: meetings.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (count) => t('common.total', { count }),
            onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
          }}
          scroll={{ x: 900 }}
          columns={[
            { title: t('coord.layer'), dataIndex: 'layer', width: 110, render: (_, m) => <LayerTag layer={m.layer} /> },
            { title: t('meetings.meeting'), dataIndex: 'title', render: (title: string, m) => <Link to={`/meetings/${m.id}`}>{title}</Link> },
            { title: t('meetings.heldOn'), dataIndex: 'heldOn', width: 110 },
            { title: t('meetings.body'), dataIndex: 'body', width: 200, ellipsis: true },
            {
              title: `${t('meetings.decisions')}（${t('coord.counts.done')} / ${t('coord.counts.onTrack')} / ${t('coord.counts.late')}）`,
              key: 'counts',
              width: 240,
              render: (_, m) => <SourceCountTags counts={m.counts} />,
            },
          ]}
        />
      </Flex>
      {creating && <MeetingFormModal planId={plan.id} onClose={() => setCreating(false)} />}
    </Card>
  );
}
