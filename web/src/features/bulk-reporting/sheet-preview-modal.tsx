import { Alert, App, Button, Checkbox, Flex, Modal, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { useApplySheet, usePreviewSheet, type TSheetChange, type TSheetProblem } from '../../api/reporting-sheets';
import { useErrorText } from '../../i18n/use-error-text';
import { isMessageKey, useLang, useT } from '../../i18n/use-t';

const show = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** Previews an uploaded 填报表 (changes per row, problems per cell) and applies it, all or nothing. */
export function SheetPreviewModal({ file, onClose }: { file: File; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [submit, setSubmit] = useState(false);
  const preview = usePreviewSheet();
  const apply = useApplySheet();
  const [blocked, setBlocked] = useState<TSheetProblem[] | null>(null);
  const { mutate } = preview;

  // Submitting changes what counts as a problem (a report must be complete to submit), so re-preview.
  useEffect(() => {
    setBlocked(null);
    mutate({ file, submit });
  }, [file, submit, mutate]);

  const data = preview.data;
  const problems = blocked ?? data?.problems ?? [];
  const canApply = Boolean(data && !preview.isPending && problems.length === 0 && data.changes.length > 0);
  const fieldLabel = (f: string) => {
    const key = `sheet.field.${f}`;
    return isMessageKey(key) ? t(key) : f;
  };

  const run = () =>
    apply.mutate(
      { file, submit },
      {
        onSuccess: (r) => {
          void message.success(t('sheet.applied', { saved: r.saved, submitted: r.submitted }));
          onClose();
        },
        onError: (err) => {
          const list = err instanceof ApiError && Array.isArray(err.details.problems) ? (err.details.problems as TSheetProblem[]) : null;
          if (list) setBlocked(list);
          void message.error(list ? t('sheet.blocked') : errorText(err));
        },
      },
    );

  return (
    <Modal
      open
      width={960}
      title={`${t('sheet.previewTitle')} · ${file.name}`}
      onCancel={onClose}
      footer={
        <Flex justify="space-between" align="center">
          <Checkbox checked={submit} onChange={(e) => setSubmit(e.target.checked)} data-testid="sheet-submit-too">
            {t('sheet.submitToo')}
          </Checkbox>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" disabled={!canApply} loading={apply.isPending} onClick={run} data-testid="btn-apply-sheet">
              {t('sheet.apply')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Flex vertical gap={12} data-testid="sheet-preview">
        {preview.error && <Alert type="error" showIcon title={errorText(preview.error)} />}
        {data && (
          <Typography.Text type="secondary" data-testid="sheet-summary">
            {t('sheet.rows', { rows: data.rows, changes: data.changes.length })}
          </Typography.Text>
        )}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('sheet.problems', { count: problems.length })}
            description={
              <Table<TSheetProblem>
                data-testid="sheet-problems"
                size="small"
                rowKey={(p, i) => `${p.row}-${p.column}-${p.code}-${i ?? 0}`}
                pagination={false}
                dataSource={problems}
                columns={[
                  { title: t('import.col.row'), dataIndex: 'row', width: 60 },
                  { title: t('import.col.column'), dataIndex: 'column', width: 60 },
                  { title: t('import.col.message'), key: 'm', render: (_, p) => (lang === 'en-US' ? p.message_en : p.message_zh) },
                ]}
              />
            }
          />
        )}
        <Table<TSheetChange>
          data-testid="sheet-changes"
          size="small"
          rowKey="reportId"
          loading={preview.isPending}
          dataSource={data?.changes ?? []}
          locale={{ emptyText: t('sheet.noChanges') }}
          pagination={false}
          scroll={{ y: 420 }}
          columns={[
            { title: t('import.col.row'), dataIndex: 'row', width: 60 },
            {
              title: t('supervision.task'),
              key: 'task',
              width: 240,
              render: (_, c) => (
                <span>
                  <Typography.Text type="secondary">{c.code}</Typography.Text> {c.title}
                </span>
              ),
            },
            {
              title: `${t('sheet.field')}：${t('sheet.from')} → ${t('sheet.to')}`,
              key: 'changes',
              render: (_, c) => {
                const entries = Object.entries(c.changes);
                if (!entries.length) return submit ? <Tag color="blue">{t('sheet.field.submit')}</Tag> : '—';
                return (
                  <Flex vertical gap={4}>
                    {entries.map(([field, v]) => (
                      <div key={field}>
                        <Tag>{fieldLabel(field)}</Tag>
                        <Typography.Text delete type="secondary" ellipsis style={{ maxWidth: 200 }}>
                          {show(v?.from)}
                        </Typography.Text>
                        {' → '}
                        <Typography.Text ellipsis={{ tooltip: show(v?.to) }} style={{ maxWidth: 280 }}>
                          {show(v?.to)}
                        </Typography.Text>
                      </div>
                    ))}
                  </Flex>
                );
              },
            },
          ]}
        />
      </Flex>
    </Modal>
  );
}
