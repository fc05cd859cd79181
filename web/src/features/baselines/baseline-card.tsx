import { DiffOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApproveBaseline, useBaselines } from '../../api/baselines';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { usePermissions } from '../auth/use-permissions';
import { formatTime } from '../common/format-time';
import { VarianceDrawer } from './variance-drawer';

/** 施工图: the approved baseline versions, approving a new one (plan:edit) and the variance against one. */
export function BaselineCard({ planId }: { planId: string }) {
  const t = useT();
  const can = usePermissions();
  const baselines = useBaselines(planId);
  const [approving, setApproving] = useState(false);
  const [variance, setVariance] = useState<number | null>(null);
  const items = [...(baselines.data ?? [])].sort((a, b) => b.number - a.number);
  const latest = items[0];
  // Nothing to show a unit that cannot approve one.
  if (baselines.isSuccess && items.length === 0 && !can('plan:edit')) return null;

  return (
    <Card
      size="small"
      data-testid="baseline-card"
      title={t('baseline.title')}
      extra={
        <Space>
          {latest && (
            <Button size="small" icon={<DiffOutlined />} data-testid="btn-variance" onClick={() => setVariance(latest.number)}>
              {t('baseline.variance')}
            </Button>
          )}
          {can('plan:edit') && (
            <Button size="small" type="primary" icon={<SafetyCertificateOutlined />} data-testid="btn-approve-baseline" onClick={() => setApproving(true)}>
              {t('baseline.approve')}
            </Button>
          )}
        </Space>
      }
    >
      <List
        size="small"
        loading={baselines.isPending}
        dataSource={items.slice(0, 5)}
        locale={{ emptyText: t('baseline.none') }}
        renderItem={(b) => (
          <List.Item
            key={b.id}
            actions={[
              <Button key="v" size="small" type="link" onClick={() => setVariance(b.number)} data-testid={`btn-variance-${b.number}`}>
                {t('baseline.variance')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4}>
                  <Tag color={b === latest ? 'blue' : 'default'}>{t('baseline.version', { number: b.number })}</Tag>
                  <Typography.Text>{b.reason}</Typography.Text>
                </Space>
              }
              description={t('baseline.versionInfo', { at: formatTime(b.approvedAt), by: b.approvedBy, nodes: b.nodes })}
            />
          </List.Item>
        )}
      />
      {approving && <ApproveBaselineModal planId={planId} onClose={() => setApproving(false)} />}
      {variance !== null && <VarianceDrawer planId={planId} baselines={items} number={variance} onNumber={setVariance} onClose={() => setVariance(null)} />}
    </Card>
  );
}

function ApproveBaselineModal({ planId, onClose }: { planId: string; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const approve = useApproveBaseline(planId);
  return (
    <Modal
      open
      title={t('baseline.approveTitle')}
      okText={t('baseline.approve')}
      okButtonProps={{ loading: approve.isPending, 'data-testid': 'btn-approve-baseline-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('baseline.approveHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        data-testid="approve-baseline-form"
        onFinish={(v) =>
          approve.mutate(v.reason.trim(), {
            onSuccess: (b) => {
              void message.success(t('baseline.approved', { number: b.number }));
              onClose();
            },
            onError: (err) => void message.error(errorText(err)),
          })
        }
      >
        <Form.Item name="reason" label={t('baseline.reason')} rules={[{ required: true, min: 2, whitespace: true, message: t('baseline.reasonRequired') }]}>
          <Input.TextArea data-testid="baseline-reason" rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
