import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, List, Result, Row, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useProject } from '../api/projects';
import { EChart } from '../charts/echart';
import '../features/map/register-map-charts';
import { buildPlanVsActualOption } from '../features/projects/build-plan-vs-actual-option';
import { usePermissions } from '../features/auth/use-permissions';
import { ProjectFormModal } from '../features/projects/project-form-modal';
import { ProjectReportsCard } from '../features/projects/project-reports-card';
import { formatYi, PhaseTag, SideTag } from '../features/projects/project-tags';
import { ProjectTasksCard } from '../features/projects/project-tasks-card';
import { useErrorText } from '../i18n/use-error-text';
import { isMessageKey, useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/zh-CN';

/** One project: facts with their sources, linked tasks, monthly reports and cumulative plan vs actual (issue 6). */
export default function ProjectPage() {
  const t = useT();
  const errorText = useErrorText();
  const { id } = useParams();
  const project = useProject(id);
  const can = usePermissions();
  const [editing, setEditing] = useState(false);
  const p = project.data;
  const option = useMemo(() => (p && p.series.points.length ? buildPlanVsActualOption(p.series, t) : null), [p, t]);

  if (project.error) return <Result status="404" title={t('project.notFound')} subTitle={errorText(project.error)} extra={<Link to="/projects">{t('project.back')}</Link>} />;
  if (!p) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const schematic = p.locations.some((l) => l.schematic);

  return (
    <Flex vertical gap={12} data-testid="project-page">
      <Link to="/projects">
        <ArrowLeftOutlined /> {t('project.back')}
      </Link>
      <Card
        title={
          <span data-testid="project-title">
            {p.title} <PhaseTag phase={p.phase} /> <SideTag side={p.side} />
          </span>
        }
        size="small"
        extra={
          can('project:edit') && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="project-edit">
              {t('project.edit')}
            </Button>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('project.col.category')}>{t(`project.category.${p.category}`)}</Descriptions.Item>
          <Descriptions.Item label={t('project.budgetTotal')}>{p.budgetTotal === null ? '—' : t('project.yi', { value: formatYi(p.budgetTotal) })}</Descriptions.Item>
          <Descriptions.Item label={t('project.period')}>{[p.startDate, p.endDate].filter(Boolean).join(' ~ ') || (p.periodText ?? '—')}</Descriptions.Item>
          <Descriptions.Item label={t('project.unit')}>{p.unitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('project.owner')}>{p.owner ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('project.divisions')}>{p.divisions.map((d) => d.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('project.description')} span={2}>{p.description ?? '—'}</Descriptions.Item>
          {p.purpose && <Descriptions.Item label={t('project.purpose')} span={2}>{p.purpose}</Descriptions.Item>}
          <Descriptions.Item label={t('project.budgetPlan')} span={2}>
            {p.budgetPlan.length ? p.budgetPlan.map((b) => `${b.year}: ${formatYi(b.amount)}${b.source ? `（${b.source}）` : ''}`).join('；') : '—'}
          </Descriptions.Item>
          {Object.entries(p.facts).map(([k, v]) => (
            <Descriptions.Item key={k} label={isMessageKey(`project.fact.${k}`) ? t(`project.fact.${k}` as MessageKey) : k}>
              {v ?? '—'}
            </Descriptions.Item>
          ))}
          {p.note && <Descriptions.Item label={t('project.note')} span={2}>{p.note}</Descriptions.Item>}
        </Descriptions>
        {schematic && <Alert style={{ marginTop: 8 }} type="info" showIcon title={t('project.schematicLine')} />}
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('project.series')} extra={p.series.latestPhysicalPct !== null && <Tag color="blue">{t('project.series.physical', { pct: p.series.latestPhysicalPct })}</Tag>}>
            {option ? <EChart option={option} height={280} ariaLabel={t('project.series')} testId="project-series-chart" /> : <Empty description={t('project.series.empty')} />}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('project.milestones')}>
            {p.milestones.length ? (
              <List size="small" dataSource={p.milestones} renderItem={(m) => <List.Item>{m.dateMet ? '✓ ' : '○ '}{m.title}</List.Item>} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
      </Row>
      <ProjectReportsCard project={p} />
      <ProjectFormModal open={editing} project={p} onClose={() => setEditing(false)} />
      <Row gutter={12}>
        <Col xs={24} lg={12}>
          <ProjectTasksCard project={p} />
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('project.sources')}>
            {p.source.length ? (
              <List
                size="small"
                dataSource={p.source}
                data-testid="project-sources"
                renderItem={(s) => (
                  <List.Item>
                    {/^https?:\/\//.test(s) ? (
                      <Typography.Link href={s} target="_blank" rel="noreferrer noopener">
                        {s}
                      </Typography.Link>
                    ) : (
                      s
                    )}
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('project.noSources')} />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
