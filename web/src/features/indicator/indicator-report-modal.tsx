import { App, Button, Descriptions, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useCreateIndicatorReport, useIndicatorReportAction, useSaveIndicatorReport, type TDueIndicatorReport, type TIndicatorReport } from '../../api/indicator-reports';
import { useDivisionOptions } from '../../api/indicators';
import { useCycleLabel } from '../../i18n/use-cycle-label';
import { useT } from '../../i18n/use-t';
import { useIndicatorErrorHandler } from './use-conflict-handler';

type Values = { divisionCode: string; value?: number | null; source?: string; note?: string };
const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/**
 * The owner unit files its figure for a cycle's period: saved as a draft, or saved and submitted to the
 * office. A figure counts in the chart and status only once the office accepts it.
 */
export function IndicatorReportModal({ due, onClose }: { due: TDueIndicatorReport; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const divisions = useDivisionOptions();
  const create = useCreateIndicatorReport();
  const cycleLabel = useCycleLabel();
  const save = useSaveIndicatorReport();
  const act = useIndicatorReportAction();
  const onError = useIndicatorErrorHandler(form, ['divisionCode', 'value', 'source', 'note'] as const);
  const [submitting, setSubmitting] = useState(false);
  const report: TIndicatorReport | null = due.report;

  const persist = async (v: Values): Promise<TIndicatorReport> => {
    const fields = { value: v.value ?? null, source: blank(v.source), note: blank(v.note) };
    if (report) return save.mutateAsync({ id: report.id, body: { version: report.version, ...fields } });
    return create.mutateAsync({ indicatorId: due.indicatorId, body: { cycleId: due.cycleId, period: due.period, divisionCode: v.divisionCode, ...fields } });
  };
  const finish = async (v: Values) => {
    try {
      const saved = await persist(v);
      if (submitting) await act.mutateAsync({ id: saved.id, action: 'submit', version: saved.version });
      void message.success(t(submitting ? 'ind.report.submitted' : 'ind.saved'));
      onClose();
    } catch (e) {
      onError(e as Error);
    }
  };
  const busy = create.isPending || save.isPending || act.isPending;

  return (
    <Modal
      open
      title={`${t('ind.report.file')}：${due.indicatorName}`}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button loading={busy && !submitting} onClick={() => (setSubmitting(false), form.submit())} data-testid="ind-report-save">
            {t('ind.report.saveDraft')}
          </Button>
          <Button type="primary" loading={busy && submitting} onClick={() => (setSubmitting(true), form.submit())} data-testid="ind-report-submit">
            {t('ind.report.saveSubmit')}
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('ind.report.cycle')}>{cycleLabel(due)}</Descriptions.Item>
        <Descriptions.Item label={t('ind.period')}>{due.period}</Descriptions.Item>
        <Descriptions.Item label={t('ind.report.dueOn')}>{due.dueOn}</Descriptions.Item>
        {report?.returnComment && <Descriptions.Item label={t('ind.report.returnComment')}>{report.returnComment}</Descriptions.Item>}
      </Descriptions>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void finish(v)}
        initialValues={{ divisionCode: report?.divisionCode ?? due.divisionCode, value: report?.value ?? null, source: report?.source ?? undefined, note: report?.note ?? undefined }}
      >
        <Form.Item name="divisionCode" label={t('ind.division')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} disabled={Boolean(report)} options={divisions.data ?? [{ value: due.divisionCode, label: due.divisionName }]} data-testid="ind-report-division" />
        </Form.Item>
        <Form.Item name="value" label={`${t('ind.value')}（${due.measureUnit}）`} rules={[{ required: submitting, message: t('ind.report.valueRequired') }]}>
          <InputNumber style={{ width: 200 }} data-testid="ind-report-value" />
        </Form.Item>
        <Form.Item name="source" label={t('ind.field.source')} rules={[{ required: submitting, whitespace: true, message: t('ind.report.sourceRequired') }, { max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} data-testid="ind-report-source" />
        </Form.Item>
        <Form.Item name="note" label={t('ind.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
