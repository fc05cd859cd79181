import { ArrowLeftOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAddDecision, useMeeting } from '../api/coordination';
import { usePermissions } from '../features/auth/use-permissions';
import { LayerTag } from '../features/coordination/coordination-tags';
import { DecisionImportModal } from '../features/coordination/decision-import-modal';
import { MeetingFormModal } from '../features/coordination/meeting-form-modal';
import { SourcedTaskModal } from '../features/coordination/sourced-task-modal';
import { SourcedTasksTable } from '../features/coordination/sourced-tasks-table';
import { useUnitOptions } from '../features/import/use-unit-options';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

export default function MeetingPage() {
  const t = useT();
  const errorText = useErrorText();
  const can = usePermissions();
  const { id } = useParams<{ id: string }>();
  const meeting = useMeeting(id);
  const addDecision = useAddDecision(id ?? '');
  const units = useUnitOptions();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [importing, setImporting] = useState(false);

  if (meeting.error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(meeting.error)} />;
  if (!meeting.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const m = meeting.data;
  const previous = m.previous;

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <span>
            <LayerTag layer={m.layer} /> {m.title}
          </span>
        }
        extra={
          <Space>
            {can('plan:edit') && (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="btn-edit-meeting">
                {t('common.edit')}
              </Button>
            )}
            <Link to="/meetings">
              <ArrowLeftOutlined /> {t('meetings.back')}
            </Link>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="meeting-details">
          <Descriptions.Item label={t('meetings.heldOn')}>{m.heldOn}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.body')}>{m.body}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.place')}>{m.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.decisions')}>{t('coord.counts', { done: m.counts.done, onTrack: m.counts.onTrack, late: m.counts.late })}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.units')} span={2}>
            {m.unitIds.length > 0 ? m.unitIds.map((u) => units.nameOf.get(u) ?? u).join('、') : '—'}
          </Descriptions.Item>
          {m.agenda && (
            <Descriptions.Item label={t('meetings.agenda')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.agenda}</Typography.Paragraph>
            </Descriptions.Item>
          )}
          {m.minutes && (
            <Descriptions.Item label={t('meetings.minutes')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} ellipsis={{ rows: 6, expandable: true }}>
                {m.minutes}
              </Typography.Paragraph>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card
        title={t('meetings.decisionsTitle')}
        extra={
          can('plan:edit') && (
            <Space>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="btn-import-decisions">
                {t('meetings.import.open')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="btn-add-decision">
                {t('meetings.addDecision')}
              </Button>
            </Space>
          )
        }
      >
        <SourcedTasksTable data-testid="meeting-decisions" items={m.decisions} loading={meeting.isFetching} empty={t('meetings.noDecisions')} />
      </Card>

      <Card
        title={
          previous ? (
            <Link to={`/meetings/${previous.meeting.id}`}>{t('meetings.previous', { title: previous.meeting.title, date: previous.meeting.heldOn })}</Link>
          ) : (
            t('meetings.noPrevious')
          )
        }
        size="small"
      >
        {previous && <SourcedTasksTable data-testid="previous-open-decisions" items={previous.openDecisions} empty={t('meetings.previousAllDone')} />}
      </Card>

      {editing && <MeetingFormModal planId={m.planId} meeting={m} onClose={() => setEditing(false)} />}
      {importing && <DecisionImportModal meetingId={m.id} onClose={() => setImporting(false)} />}
      {adding && <SourcedTaskModal title={t('meetings.addDecision')} mutation={addDecision} onClose={() => setAdding(false)} data-testid="decision-form" />}
    </Flex>
  );
}
