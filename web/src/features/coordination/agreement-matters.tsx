import { PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useAddMatter, useAgreement } from '../../api/coordination';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { AgreementStatusTag } from './coordination-tags';
import { LinkedProjects } from './links';
import { SourcedTaskModal } from './sourced-task-modal';
import { SourcedTasksTable } from './sourced-tasks-table';

/** An agreement's 合作事项 (tasks, and major projects), read when its row is expanded or it is opened by link; each links to its task or project. */
export function AgreementMatters({ id, canEdit, withHeader = false }: { id: string; canEdit: boolean; withHeader?: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const detail = useAgreement(id);
  const addMatter = useAddMatter(id);
  const [adding, setAdding] = useState(false);

  if (detail.error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(detail.error)} />;
  if (!detail.data) return <Spin size="small" />;

  const a = detail.data;
  return (
    <Flex vertical gap={8}>
      {withHeader && (
        <Descriptions size="small" column={1} bordered title={<Typography.Text strong>{a.title}</Typography.Text>} data-testid="agreement-header">
          <Descriptions.Item label={t('agreements.parties')}>{a.parties.map((p) => p.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('agreements.signedTerm')}>{`${a.signedOn ?? '—'} / ${a.termUntil ?? '—'}`}</Descriptions.Item>
          <Descriptions.Item label={t('agreements.status')}>
            <AgreementStatusTag status={a.status} />
          </Descriptions.Item>
        </Descriptions>
      )}
      {a.projects.length > 0 && (
        <Flex gap={8} align="center" data-testid="agreement-project-matters">
          <Typography.Text type="secondary">{t('agreements.projects')}</Typography.Text>
          <LinkedProjects projects={a.projects} />
        </Flex>
      )}
      <SourcedTasksTable data-testid="agreement-matters" items={detail.data.matters} loading={detail.isFetching} empty={t('agreements.noMatters')} />
      {canEdit && (
        <div>
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="btn-add-matter">
            {t('agreements.addMatter')}
          </Button>
        </div>
      )}
      {adding && <SourcedTaskModal title={t('agreements.addMatter')} mutation={addMatter} onClose={() => setAdding(false)} data-testid="matter-form" />}
    </Flex>
  );
}
