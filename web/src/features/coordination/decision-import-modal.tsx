import { Alert, App, Button, Flex, Form, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApplyDecisionImport, usePreviewDecisionImport, type TDecisionPreview } from '../../api/coordination';
import { useErrorText } from '../../i18n/use-error-text';
import { isMessageKey, useT } from '../../i18n/use-t';
import { ImportUpload } from '../import/import-upload';
import { ArticleSelect } from './article-select';

type Row = TDecisionPreview['rows'][number];
type Problem = TDecisionPreview['problems'][number];

/**
 * A meeting's decision list from xlsx, like the task import: upload, see every row and every problem
 * (row and column), then file all decisions in one go — or none while a blocking problem is left, which
 * is fixed in the sheet and uploaded again.
 */
export function DecisionImportModal({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const preview = usePreviewDecisionImport(meetingId);
  const apply = useApplyDecisionImport(meetingId);
  const [file, setFile] = useState<File | null>(null);
  const [articleId, setArticleId] = useState<string | undefined>();
  const data = preview.data;
  const blocked = (data?.blocking.length ?? 0) > 0;

  const read = (f: File) => {
    setFile(f);
    apply.reset();
    preview.mutate(f);
  };
  const problemText = (p: Problem) => {
    const key = `meetings.import.problem.${p.code}`;
    const text = isMessageKey(key) ? t(key) : p.code;
    const hint = p.suggestions.length ? t('meetings.import.didYouMean', { names: p.suggestions.slice(0, 3).map((s) => s.name).join('、') }) : '';
    return `${text}${p.value ? `「${p.value}」` : ''}${hint}`;
  };
  const units = (list: Row['leads']) =>
    list.map((u, i) => (
      <Tag key={`${u.name}-${i}`} color={u.unitId ? undefined : 'error'}>
        {u.name}
      </Tag>
    ));

  return (
    <Modal
      open
      width={960}
      title={t('meetings.import.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="space-between">
          <Typography.Text type="secondary">{t('meetings.import.columns')}</Typography.Text>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              data-testid="btn-apply-decisions"
              disabled={!data || blocked || data.rows.length === 0}
              loading={apply.isPending}
              onClick={() =>
                file &&
                apply.mutate({ file, articleId }, {
                  onSuccess: (r) => {
                    void message.success(t('meetings.import.applied', { count: r.decisions }));
                    onClose();
                  },
                  onError: (err) => void message.error(errorText(err)),
                })
              }
            >
              {t('meetings.import.apply', { count: data?.rows.length ?? 0 })}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Form.Item label={t('coord.task.article')} style={{ marginBottom: 0 }}>
          <ArticleSelect value={articleId} onChange={setArticleId} data-testid="decision-import-article" />
        </Form.Item>
        <ImportUpload onFile={read} disabled={preview.isPending || apply.isPending} testId="decision-import-upload" />
        {preview.error && <Alert type="error" showIcon title={errorText(preview.error)} data-testid="decision-import-error" />}
        {data && (
          <>
            <Typography.Text type="secondary">{t('meetings.import.read', { sheet: data.sheetName, header: data.headerRow, rows: data.rows.length })}</Typography.Text>
            {blocked ? (
              <Alert type="error" showIcon title={t('meetings.import.blocked', { count: data.blocking.length })} data-testid="decision-import-blocked" />
            ) : (
              data.problems.length > 0 && <Alert type="warning" showIcon title={t('meetings.import.warnings', { count: data.problems.length })} />
            )}
            {data.problems.length > 0 && (
              <Table<Problem>
                data-testid="decision-import-problems"
                size="small"
                rowKey={(p) => `${p.row}-${p.column}-${p.code}-${p.value}`}
                dataSource={data.problems}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: t('meetings.import.row'), dataIndex: 'row', width: 70 },
                  { title: t('meetings.import.column'), dataIndex: 'column', width: 70 },
                  {
                    title: t('meetings.import.problem'),
                    key: 'text',
                    render: (_, p) => <Typography.Text type={data.blocking.some((b) => b.row === p.row && b.column === p.column && b.code === p.code) ? 'danger' : 'warning'}>{problemText(p)}</Typography.Text>,
                  },
                ]}
              />
            )}
            <Table<Row>
              data-testid="decision-import-rows"
              size="small"
              rowKey="row"
              dataSource={data.rows}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 860 }}
              columns={[
                { title: t('meetings.import.row'), dataIndex: 'row', width: 60 },
                { title: t('coord.task.title'), dataIndex: 'title', render: (title: string) => title || <Typography.Text type="danger">—</Typography.Text> },
                { title: t('coord.task.leads'), key: 'leads', width: 180, render: (_, r) => units(r.leads) },
                { title: t('coord.task.participants'), key: 'participants', width: 180, render: (_, r) => units(r.participants) },
                { title: t('coord.task.dueOn'), key: 'due', width: 130, render: (_, r) => r.dueOn ?? (r.deadlineText || '—') },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
