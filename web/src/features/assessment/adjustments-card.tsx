import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Table, Upload } from 'antd';
import { useState } from 'react';
import { assessmentFileUrl, useAddAdjustment, useAdjustments, useRemoveAdjustment, type TAdjustment } from '../../api/assessment';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { formatTime } from '../common/format-time';
import { filterUnitOption, useUnitOptions } from '../import/use-unit-options';

const ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png,.webp';

/** Bonus and penalty entries, each with its reason and evidence; the office adds them until publication. */
export function AdjustmentsCard({ periodId, editable }: { periodId: string; editable: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const list = useAdjustments(periodId);
  const remove = useRemoveAdjustment();
  const [adding, setAdding] = useState(false);
  return (
    <Flex vertical gap={12}>
      {editable && (
        <Button icon={<PlusOutlined />} style={{ alignSelf: 'flex-start' }} onClick={() => setAdding(true)} data-testid="btn-add-adjustment">
          {t('assess.adj.add')}
        </Button>
      )}
      <Table<TAdjustment>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('assess.adj.empty')} /> }}
        columns={[
          { title: t('assess.adj.unit'), dataIndex: 'unitName', width: 160 },
          { title: t('assess.adj.points'), dataIndex: 'points', width: 80, render: (p: number) => (p > 0 ? `+${p}` : String(p)) },
          { title: t('assess.adj.reason'), dataIndex: 'reason' },
          {
            title: t('assess.adj.refs'),
            key: 'refs',
            width: 240,
            render: (_, a) => (
              <Flex vertical>
                {a.evidenceRefs.map((r) => <span key={r}>{r}</span>)}
                {a.files.map((f) => (
                  <a key={f.id} href={assessmentFileUrl(f.id)} target="_blank" rel="noreferrer">
                    {f.fileName}
                  </a>
                ))}
              </Flex>
            ),
          },
          { title: t('assess.adj.at'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatTime(at) },
          ...(editable
            ? [
                {
                  key: 'remove',
                  width: 70,
                  render: (_: unknown, a: TAdjustment) => (
                    <Popconfirm title={t('assess.adj.removeConfirm')} onConfirm={() => remove.mutate(a.id, { onError: (e) => void message.error(errorText(e)) })}>
                      <Button size="small" type="link" danger>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <AdjustmentModal periodId={periodId} onClose={() => setAdding(false)} />}
    </Flex>
  );
}

type Values = { unitId: string; points: number; reason: string; refs?: string };

function AdjustmentModal({ periodId, onClose }: { periodId: string; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddAdjustment(periodId);
  const units = useUnitOptions();
  const [files, setFiles] = useState<File[]>([]);
  const submit = (v: Values) =>
    add.mutate(
      { body: { unitId: v.unitId, points: v.points, reason: v.reason.trim(), evidenceRefs: (v.refs ?? '').split('\n').map((s) => s.trim()).filter(Boolean) }, files },
      { onSuccess: () => (void message.success(t('common.saved')), onClose()), onError: (e) => void message.error(errorText(e)) },
    );
  return (
    <Modal open title={t('assess.adj.add')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: add.isPending, 'data-testid': 'btn-adjustment-submit' }} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="unitId" label={t('assess.adj.unit')} rules={[{ required: true }]}>
          <Select showSearch loading={units.loading} options={units.options} filterOption={filterUnitOption} data-testid="adjustment-unit" />
        </Form.Item>
        <Form.Item name="points" label={t('assess.adj.points')} rules={[{ required: true }, { validator: (_, v: number) => (v === 0 ? Promise.reject(new Error('≠ 0')) : Promise.resolve()) }]}>
          <InputNumber min={-100} max={100} step={0.5} precision={1} style={{ width: '100%' }} data-testid="adjustment-points" />
        </Form.Item>
        <Form.Item name="reason" label={t('assess.adj.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="adjustment-reason" />
        </Form.Item>
        <Form.Item name="refs" label={t('assess.adj.refs')} extra={t('assess.adj.refsHelp')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label={t('assess.appeal.files')} extra={t('assess.appeal.filesHelp')}>
          <Upload accept={ACCEPT} multiple beforeUpload={(f) => (setFiles((l) => [...l, f]), false)} onRemove={(f) => setFiles((l) => l.filter((x) => x.name !== f.name))}>
            <Button icon={<UploadOutlined />}>{t('assess.appeal.files')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
