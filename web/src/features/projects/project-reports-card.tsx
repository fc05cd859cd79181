import { App, Button, Card, Empty, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useOpenProjectReport, useSaveProjectReport, useTransitionProjectReport, type TProjectDetail, type TProjectReport } from '../../api/projects';
import { useCycles } from '../../api/reporting';
import type { ReportAction } from '../../api/types';
import { useCycleLabel } from '../../i18n/use-cycle-label';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { usePermissions } from '../auth/use-permissions';
import { useCurrentPlan } from '../common/use-current-plan';
import { formatYi } from './project-tags';

/** The project's monthly reports: the responsible unit fills them in, its lead approves, the office accepts or returns. */
export function ProjectReportsCard({ project }: { project: TProjectDetail }) {
  const t = useT();
  const errorText = useErrorText();
  const cycleLabel = useCycleLabel();
  const can = usePermissions();
  const { message } = App.useApp();
  const { plan } = useCurrentPlan();
  const cycles = useCycles(plan?.id);
  const open = useOpenProjectReport(project.id);
  const save = useSaveProjectReport();
  const transition = useTransitionProjectReport();
  const [cycleId, setCycleId] = useState<string | undefined>();
  const [editing, setEditing] = useState<TProjectReport | null>(null);
  const [returning, setReturning] = useState<TProjectReport | null>(null);
  const [comment, setComment] = useState('');
  const [form] = Form.useForm();
  const fail = (e: unknown) => void message.error(errorText(e));
  const openCycles = (cycles.data ?? []).filter((c) => c.state === 'open');

  const act = (r: TProjectReport, action: ReportAction) => {
    if (action === 'return') {
      setComment('');
      setReturning(r);
      return;
    }
    transition.mutate({ id: r.id, action, version: r.version }, { onError: fail });
  };

  return (
    <Card
      size="small"
      title={t('project.reports')}
      extra={
        can('project:report') && (
          <Flex gap={8}>
            <Select style={{ width: 160 }} placeholder={t('project.reports.pickCycle')} value={cycleId} onChange={setCycleId} options={openCycles.map((c) => ({ value: c.id, label: c.label }))} data-testid="project-report-cycle" />
            <Button
              disabled={!cycleId}
              loading={open.isPending}
              data-testid="project-report-open"
              onClick={() =>
                open.mutate(cycleId!, {
                  onSuccess: (r) => {
                    form.setFieldsValue(r);
                    setEditing(r);
                  },
                  onError: fail,
                })
              }
            >
              {t('project.reports.open')}
            </Button>
          </Flex>
        )
      }
    >
      <Table<TProjectReport>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={project.reports}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('project.reports.empty')} /> }}
        columns={[
          { title: t('project.reports.cycle'), dataIndex: 'cycleLabel', render: (_, r) => cycleLabel(r) },
          { title: t('project.reports.investmentMonth'), align: 'right', render: (_, r) => formatYi(r.investmentMonth) },
          { title: t('project.reports.investmentCumulative'), align: 'right', render: (_, r) => formatYi(r.investmentCumulative) },
          { title: t('project.reports.physicalPct'), align: 'right', render: (_, r) => (r.physicalPct === null ? '—' : `${r.physicalPct}%`) },
          { title: t('project.reports.narrative'), dataIndex: 'narrative', ellipsis: true },
          {
            title: t('project.reports.state'),
            render: (_, r) => (
              <>
                <Tag>{t(`project.reports.state.${r.state}`)}</Tag>
                {r.returnComment && <Typography.Text type="danger">{r.returnComment}</Typography.Text>}
              </>
            ),
          },
          {
            title: '',
            render: (_, r) => (
              <Flex gap={4} wrap>
                {r.editable && (
                  <Button
                    size="small"
                    onClick={() => {
                      form.setFieldsValue(r);
                      setEditing(r);
                    }}
                  >
                    {t('project.edit')}
                  </Button>
                )}
                {r.allowedActions.map((a) => (
                  <Button key={a} size="small" danger={a === 'return'} type={a === 'return' ? 'default' : 'primary'} onClick={() => act(r, a)} data-testid={`project-report-${a}`}>
                    {t(`project.reports.action.${a}`)}
                  </Button>
                ))}
              </Flex>
            ),
          },
        ]}
      />
      <Modal
        forceRender
        open={editing !== null}
        title={`${t('project.reports')} · ${editing ? cycleLabel(editing) : ''}`}
        onCancel={() => setEditing(null)}
        okText={t('project.save')}
        confirmLoading={save.isPending}
        onOk={async () => {
          const v = (await form.validateFields()) as Pick<TProjectReport, 'investmentMonth' | 'investmentCumulative' | 'physicalPct' | 'narrative' | 'problems'>;
          save.mutate(
            { id: editing!.id, body: { version: editing!.version, investmentMonth: v.investmentMonth ?? null, investmentCumulative: v.investmentCumulative ?? null, physicalPct: v.physicalPct ?? null, narrative: v.narrative ?? null, problems: v.problems ?? null } },
            { onSuccess: () => setEditing(null), onError: fail },
          );
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="investmentMonth" label={t('project.reports.investmentMonth')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="investmentCumulative" label={t('project.reports.investmentCumulative')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="physicalPct" label={t('project.reports.physicalPct')}>
            <InputNumber min={0} max={100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="narrative" label={t('project.reports.narrative')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="problems" label={t('project.reports.problems')}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={returning !== null}
        title={t('project.reports.action.return')}
        onCancel={() => setReturning(null)}
        okButtonProps={{ disabled: !comment.trim(), danger: true }}
        onOk={() => transition.mutate({ id: returning!.id, action: 'return', version: returning!.version, comment }, { onSuccess: () => setReturning(null), onError: fail })}
      >
        <Input.TextArea rows={3} placeholder={t('project.reports.comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Modal>
    </Card>
  );
}
