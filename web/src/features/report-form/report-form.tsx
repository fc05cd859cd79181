import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { useSaveReport, useTransitionReport } from '../../api/reporting';
import type { TReportDetail } from '../../api/types';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { toFormFieldErrors } from '../common/field-errors';
import { MilestoneUpdatesField } from './milestone-updates-field';
import { PercentInput } from './percent-input';
import { missingForSubmit, toSaveBody, valuesFromReport, type MissingField, type ReportFormValues } from './report-form-values';

type Props = { report: TReportDetail; onReload: () => void };

const FIELDS = ['progressPct', 'narrative', 'problems', 'coordinationRequest', 'nextSteps', 'milestoneUpdates'] as const;

/**
 * The editable report. The form keeps what the user typed across refetches (initialValues apply once),
 * so after a 409 the user reloads — which brings the new version — and saves again without losing input.
 */
export function ReportForm({ report, onReload }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportFormValues>();
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<MissingField[]>([]);
  // Save and submit sit below a long form: bring a new problem into view.
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error !== null || missing.length > 0) noticeRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [error, missing]);
  const save = useSaveReport(report.id);
  const transition = useTransitionReport(report.id);
  const evidenceRequired = new Set(report.milestones.filter((m) => m.evidenceRequired).map((m) => m.id));
  const canSubmit = report.allowedActions.includes('submit');

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
      const { errors, complete } = toFormFieldErrors(err.fields, FIELDS);
      form.setFields(errors);
      if (complete) return;
    }
    if (err instanceof ApiError && err.code === 'REPORT_INCOMPLETE') {
      // The response does not say which fields; work them out from what was saved.
      setMissing(missingForSubmit(form.getFieldsValue(true), evidenceRequired, report.attachments.length));
    }
    setError(err);
  };

  const onSave = async () => {
    setError(null);
    setMissing([]);
    const values = await form.validateFields();
    save.mutate(toSaveBody(report.version, values), { onSuccess: () => void message.success(t('report.saved')), onError: fail });
  };

  // Submitting saves first, so what the user sees is what is submitted.
  const onSubmit = async () => {
    setError(null);
    const values = await form.validateFields();
    const gaps = missingForSubmit(values, evidenceRequired, report.attachments.length);
    setMissing(gaps);
    if (gaps.length > 0) {
      if (gaps.includes('narrative')) form.setFields([{ name: 'narrative', errors: [t('report.missing', { fields: t('report.missing.narrative') })] }]);
      return;
    }
    try {
      const saved = await save.mutateAsync(toSaveBody(report.version, values));
      await transition.mutateAsync({ action: 'submit', body: { version: saved.version } });
      void message.success(t('report.submitted'));
    } catch (err) {
      fail(err);
    }
  };

  const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';

  return (
    <Form<ReportFormValues> form={form} layout="vertical" data-testid="report-form" initialValues={valuesFromReport(report)}>
      <div ref={noticeRef} />
      {error !== null && (
        <Alert
          type={conflict ? 'warning' : 'error'}
          showIcon
          title={conflict ? t('report.conflict') : errorText(error)}
          style={{ marginBottom: 16 }}
          data-testid={conflict ? 'version-conflict' : 'report-form-error'}
          action={
            conflict && (
              <Button
                size="small"
                data-testid="btn-reload-report"
                onClick={() => {
                  onReload();
                  setError(null);
                }}
              >
                {t('common.reload')}
              </Button>
            )
          }
        />
      )}
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="report-missing"
          style={{ marginBottom: 16 }}
          title={t('report.missing', { fields: missing.map((f) => t(`report.missing.${f}`)).join('、') })}
        />
      )}
      <Form.Item name="progressPct" label={t('report.progressPct')}>
        <PercentInput />
      </Form.Item>
      <Form.Item name="narrative" label={t('report.narrative')} rules={[{ max: 5000 }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item name="problems" label={t('report.problems')} rules={[{ max: 3000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={3000} />
      </Form.Item>
      <Form.Item name="coordinationRequest" label={t('report.coordinationRequest')} rules={[{ max: 3000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={3000} />
      </Form.Item>
      <Form.Item name="nextSteps" label={t('report.nextSteps')} rules={[{ max: 3000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={3000} />
      </Form.Item>
      <Form.Item name="milestoneUpdates" label={t('report.milestones')}>
        <MilestoneUpdatesField milestones={report.milestones} />
      </Form.Item>
      <Flex gap={8}>
        <Button icon={<SaveOutlined />} loading={save.isPending && !transition.isPending} onClick={() => void onSave()} data-testid="btn-save-report">
          {t('report.save')}
        </Button>
        {canSubmit && (
          <Button type="primary" icon={<SendOutlined />} loading={transition.isPending} onClick={() => void onSubmit()} data-testid="btn-submit-report">
            {t('report.submit')}
          </Button>
        )}
      </Flex>
    </Form>
  );
}
