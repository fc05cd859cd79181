import { Alert, Card, Descriptions, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useGaps, type NetworkAsOf, type TGapProject, type TProjectEffect } from '../../api/network';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { gapsOfPair, unknownProjectIds } from './network-helpers';
import { SourceInfo } from './source-info';
import type { PairPick } from './target-panel';

type Props = {
  pick: PairPick | null;
  asOf: NetworkAsOf;
  nameOf: (id: string) => string;
  projectName: (projectId: string) => string;
  /** The sources of a project's links, so every attributed figure can be traced. */
  projectSources: (projectId: string) => string[];
};

/** Why a pair misses its target on the date, and which planned projects close the gap (GET /network/gaps). */
export function GapPanel({ pick, asOf, nameOf, projectName, projectSources }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const gaps = useGaps(pick?.targetId, asOf);
  const minutesText = (m: number | null) => (m === null ? t('network.noPath') : t('network.minutes', { count: m }));
  const pairName = pick ? `${nameOf(pick.from)}–${nameOf(pick.to)}` : '';

  let body;
  if (!pick) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('network.gaps.pick')} />;
  else if (gaps.error) body = <Alert type="error" showIcon title={errorText(gaps.error)} />;
  else if (!gaps.data) body = <Skeleton active />;
  else {
    const entries = gapsOfPair(gaps.data, pick.from, pick.to);
    const unknown = unknownProjectIds(gaps.data);
    body = (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {entries.length === 0 && <Alert type="success" showIcon title={t('network.gaps.none', { date: asOf.date })} />}
        {entries.map((g) => (
          <div key={g.thresholdMinutes} data-testid={`gap-${g.thresholdMinutes}`}>
            <Space size={4} wrap>
              <Tag color="blue">{t('network.gaps.reading', { minutes: g.thresholdMinutes })}</Tag>
              {g.thresholdSource && <SourceInfo source={g.thresholdSource} />}
              {g.closedByAllPlanned ? <Tag color="success">{t('network.gaps.closedByAll')}</Tag> : <Tag color="error">{t('network.gaps.notClosedByAll')}</Tag>}
            </Space>
            <Descriptions size="small" column={1} style={{ marginTop: 4 }}>
              <Descriptions.Item label={t('network.gaps.now')}>{minutesText(g.minutesNow)}</Descriptions.Item>
              <Descriptions.Item label={t('network.gaps.withAll')}>{minutesText(g.minutesWithAllPlanned)}</Descriptions.Item>
            </Descriptions>
            {g.projects.length === 0 ? (
              <Typography.Text type="secondary">{t('network.gaps.noProjects')}</Typography.Text>
            ) : (
              <Table<TProjectEffect>
                size="small"
                pagination={false}
                rowKey="projectId"
                dataSource={g.projects}
                columns={[
                  {
                    title: t('network.gaps.project'),
                    key: 'project',
                    render: (_, p) => (
                      <Space orientation="vertical" size={2}>
                        <Space size={4} wrap>
                          <ProjectLink id={p.projectId} name={projectName(p.projectId)} detail={gaps.data?.projectDetails?.[p.projectId]} />
                          <SourceInfo source={projectSources(p.projectId)} />
                          {p.closesAlone && <Tag color="success">{t('network.gaps.closesAlone')}</Tag>}
                          {p.needed && <Tag color="gold">{t('network.gaps.needed')}</Tag>}
                        </Space>
                        <ProjectTasks detail={gaps.data?.projectDetails?.[p.projectId]} />
                      </Space>
                    ),
                  },
                  { title: t('network.gaps.onlyThis'), dataIndex: 'onlyThisMinutes', align: 'right', render: minutesText },
                  { title: t('network.gaps.withoutThis'), dataIndex: 'withoutThisMinutes', align: 'right', render: minutesText },
                  { title: t('network.gaps.withAllCol'), dataIndex: 'withAllMinutes', align: 'right', render: minutesText },
                ]}
              />
            )}
          </div>
        ))}
        {unknown.length > 0 && entries.length > 0 && (
          <Alert type="info" showIcon title={t('network.gaps.unknown', { projects: unknown.map(projectName).join('、') })} />
        )}
      </Space>
    );
  }

  return (
    <Card size="small" title={pick ? t('network.gaps.title', { pair: pairName }) : t('network.gaps.title', { pair: '—' })} data-testid="gap-list">
      {body}
    </Card>
  );
}

/** The project's page in the library; a gap of a link without a project (id `link:…`) has none. */
function ProjectLink({ id, name, detail }: { id: string; name: string; detail: TGapProject | undefined }) {
  if (id.startsWith('link:')) return <span>{name}</span>;
  return (
    <Link to={`/projects/${encodeURIComponent(id)}`} data-testid={`gap-project-${id}`} title={detail?.title ?? undefined}>
      {detail?.title ?? name}
    </Link>
  );
}

/** The plan's transport tasks the project serves: linked in the library, or naming the project in their text. */
function ProjectTasks({ detail }: { detail: TGapProject | undefined }) {
  const t = useT();
  if (!detail?.tasks.length) return null;
  return (
    <Space size={4} wrap style={{ fontSize: 12 }}>
      <Typography.Text type="secondary">{t('network.gaps.tasks')}</Typography.Text>
      {detail.tasks.map((task) => (
        <Link key={task.nodeId} to={`/plan/${task.nodeId}`} title={`${task.title}${task.how === 'mentioned' ? ` — ${t('network.gaps.taskMentioned')}` : ''}`} data-testid="gap-project-task">
          <Tag>{task.code}</Tag>
        </Link>
      ))}
    </Space>
  );
}
