import { App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useIndicatorReportAction, type TIndicatorReport } from '../../api/indicator-reports';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

/** The office's accept and return on a submitted figure; returning asks why, so the unit knows what to fix. */
export function IndicatorReviewActions({ report }: { report: TIndicatorReport }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const act = useIndicatorReportAction();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const fail = (e: unknown) => void message.error(errorText(e));
  const can = (a: 'accept' | 'return') => report.allowedActions.includes(a);
  if (!can('accept') && !can('return')) return null;
  return (
    <Space>
      {can('accept') && (
        <Button size="small" type="link" loading={act.isPending && act.variables?.action === 'accept'} onClick={() => act.mutate({ id: report.id, action: 'accept', version: report.version }, { onError: fail })} data-testid={`ind-report-accept-${report.id}`}>
          {t('ind.report.accept')}
        </Button>
      )}
      {can('return') && (
        <Button size="small" type="link" danger onClick={() => setReturning(true)} data-testid={`ind-report-return-${report.id}`}>
          {t('ind.report.return')}
        </Button>
      )}
      <Modal
        open={returning}
        title={t('ind.report.return')}
        okButtonProps={{ disabled: !comment.trim(), danger: true }}
        confirmLoading={act.isPending}
        onCancel={() => setReturning(false)}
        onOk={() =>
          act.mutate(
            { id: report.id, action: 'return', version: report.version, comment: comment.trim() },
            {
              onSuccess: () => {
                setReturning(false);
                setComment('');
              },
              onError: fail,
            },
          )
        }
        destroyOnHidden
      >
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('ind.report.returnPlaceholder')} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="ind-report-return-comment" />
      </Modal>
    </Space>
  );
}
