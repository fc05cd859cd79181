import { CheckOutlined, RollbackOutlined, SendOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTransitionReport, type TransitionBody } from '../../api/reporting';
import type { ReportAction, TReportDetail } from '../../api/types';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { AcceptModal } from './accept-modal';
import { ReturnModal } from './return-modal';

/** The workflow moves the server allows this user (`allowedActions`); submit of an editable report lives in the form. */
export function ReportWorkflowButtons({ report }: { report: TReportDetail }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const transition = useTransitionReport(report.id);
  const [dialog, setDialog] = useState<'return' | 'accept' | null>(null);
  const allowed = (a: ReportAction) => report.allowedActions.includes(a);

  const run = (action: ReportAction, extra: Omit<TransitionBody, 'version'> = {}) =>
    transition.mutate(
      { action, body: { version: report.version, ...extra } },
      {
        onSuccess: () => {
          setDialog(null);
          void message.success(t(`report.done.${action}`));
        },
        onError: (err) => void message.error(errorText(err)),
      },
    );

  if (!report.allowedActions.some((a) => a !== 'submit' || !report.editable)) return null;
  return (
    <Space wrap>
      {allowed('submit') && !report.editable && (
        <Button type="primary" icon={<SendOutlined />} loading={transition.isPending} onClick={() => run('submit')} data-testid="btn-submit-report">
          {t('report.submit')}
        </Button>
      )}
      {allowed('approve') && (
        <Button type="primary" icon={<CheckOutlined />} loading={transition.isPending && !dialog} onClick={() => run('approve')} data-testid="btn-approve">
          {t('report.approve')}
        </Button>
      )}
      {allowed('accept') && (
        <Button type="primary" icon={<StarOutlined />} onClick={() => setDialog('accept')} data-testid="btn-accept">
          {t('report.accept')}
        </Button>
      )}
      {allowed('return') && (
        <Button danger icon={<RollbackOutlined />} onClick={() => setDialog('return')} data-testid="btn-return">
          {t('report.return')}
        </Button>
      )}
      {dialog === 'return' && <ReturnModal loading={transition.isPending} onCancel={() => setDialog(null)} onReturn={(comment) => run('return', { comment })} />}
      {dialog === 'accept' && (
        <AcceptModal
          loading={transition.isPending}
          onCancel={() => setDialog(null)}
          onAccept={(qualityRating) => run('accept', qualityRating ? { qualityRating } : {})}
        />
      )}
    </Space>
  );
}
