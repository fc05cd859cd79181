import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Result, Spin } from 'antd';
import { useState } from 'react';
import { useAddMatter, useAgreement } from '../../api/coordination';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { SourcedTaskModal } from './sourced-task-modal';
import { SourcedTasksTable } from './sourced-tasks-table';

/** An agreement's 合作事项, read when its row is expanded; each links to its task. */
export function AgreementMatters({ id, canEdit }: { id: string; canEdit: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const detail = useAgreement(id);
  const addMatter = useAddMatter(id);
  const [adding, setAdding] = useState(false);

  if (detail.error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(detail.error)} />;
  if (!detail.data) return <Spin size="small" />;

  return (
    <Flex vertical gap={8}>
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
