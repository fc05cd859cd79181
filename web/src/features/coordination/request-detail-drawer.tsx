import { Descriptions, Drawer, Result, Spin } from 'antd';
import { useNationalRequest } from '../../api/coordination';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { RequestStatusTag } from './coordination-tags';
import { LinkedProjects, LinkedTasks } from './links';
import { SourcedTasksTable } from './sourced-tasks-table';

/** One request opened from the register or from a task that came from it (?open=id). */
export function RequestDetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const detail = useNationalRequest(id);
  const r = detail.data;
  return (
    <Drawer open width={760} onClose={onClose} title={r?.title ?? t('requests.request')} data-testid="request-drawer" destroyOnHidden>
      {detail.error && <Result status="error" title={t('common.loadFailed')} subTitle={errorText(detail.error)} />}
      {!r && !detail.error && <Spin />}
      {r && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('requests.type')}>{t(`requests.type.${r.type}`)}</Descriptions.Item>
            <Descriptions.Item label={t('requests.addressedTo')}>{r.addressedTo}</Descriptions.Item>
            <Descriptions.Item label={t('requests.leadUnit')}>{r.leadUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('requests.status')}>
              <RequestStatusTag status={r.status} /> {r.submittedOn ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('requests.tasks')}>
              <LinkedTasks nodes={r.nodes} data-testid="request-linked-tasks" />
            </Descriptions.Item>
            <Descriptions.Item label={t('requests.projects')}>
              <LinkedProjects projects={r.projects} data-testid="request-linked-projects" />
            </Descriptions.Item>
            {r.outcome && <Descriptions.Item label={t('requests.outcome')}>{r.outcome}</Descriptions.Item>}
          </Descriptions>
          <h4 style={{ marginTop: 16 }}>{t('requests.ownTasks')}</h4>
          <SourcedTasksTable items={r.tasks} loading={detail.isFetching} empty={t('requests.noOwnTasks')} data-testid="request-own-tasks" />
        </>
      )}
    </Drawer>
  );
}
