import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, Result, Select, Table } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { exportProjectsOc4ids, exportProjectsXlsx, PROJECT_CATEGORIES, PROJECT_PHASES, PROJECT_SIDES, useProjects, type ProjectListQuery, type TProject } from '../api/projects';
import { useUnits } from '../api/units';
import { usePermissions } from '../features/auth/use-permissions';
import { readSorter, toSortOrder } from '../features/common/table-change';
import { ProjectFormModal } from '../features/projects/project-form-modal';
import { ProjectImportModal } from '../features/projects/project-import-modal';
import { formatYi, PhaseTag, SideTag } from '../features/projects/project-tags';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

const SORTS = ['title', 'budgetTotal', 'phase', 'startDate', 'updatedAt'] as const;

/** 重大项目库: filters, sorting, paging, export and the annual-list import (issue 6). */
export default function ProjectsPage() {
  const t = useT();
  const errorText = useErrorText();
  const can = usePermissions();
  const { message } = App.useApp();
  const [query, setQuery] = useState<ProjectListQuery>({ page: 1, pageSize: 20, order: 'asc' });
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const projects = useProjects(query);
  const units = useUnits({ page: 1, pageSize: 200 });
  const { page, pageSize, sort, order, ...filter } = query;
  const set = (patch: Partial<ProjectListQuery>) => setQuery((q) => ({ ...q, ...patch, page: patch.page ?? 1 }));
  const download = (run: () => Promise<void>) => run().catch((e: unknown) => message.error(errorText(e)));

  if (projects.error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(projects.error)} />;

  return (
    <Card
      title={t('project.title')}
      extra={
        <Flex gap={8}>
          <Button icon={<DownloadOutlined />} onClick={() => download(() => exportProjectsXlsx(filter))} data-testid="project-export-xlsx">
            {t('project.export.xlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => download(() => exportProjectsOc4ids(filter))} data-testid="project-export-oc4ids">
            {t('project.export.oc4ids')}
          </Button>
          {can('project:edit') && (
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-new">
              {t('project.new')}
            </Button>
          )}
          {can('project:edit') && (
            <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="project-import">
              {t('project.import')}
            </Button>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          <Input.Search allowClear placeholder={t('project.search')} style={{ width: 240 }} onSearch={(q) => set({ q: q || undefined })} data-testid="project-search" />
          <Select
            allowClear
            style={{ width: 170 }}
            placeholder={t('project.filter.category')}
            value={filter.category}
            onChange={(v?: string) => set({ category: v })}
            options={['transport', ...PROJECT_CATEGORIES].map((c) => ({ value: c, label: t(`project.category.${c}` as 'project.category.industry') }))}
            data-testid="project-filter-category"
          />
          <Select allowClear style={{ width: 130 }} placeholder={t('project.filter.phase')} value={filter.phase} onChange={(v) => set({ phase: v })} options={PROJECT_PHASES.map((p) => ({ value: p, label: t(`project.phase.${p}`) }))} />
          <Select allowClear style={{ width: 130 }} placeholder={t('project.filter.side')} value={filter.side} onChange={(v) => set({ side: v })} options={PROJECT_SIDES.map((s) => ({ value: s, label: t(`project.side.${s}`) }))} />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            placeholder={t('project.filter.unit')}
            value={filter.unitId}
            onChange={(v?: string) => set({ unitId: v })}
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Flex>
        <Table<TProject>
          rowKey="id"
          size="middle"
          loading={projects.isFetching}
          dataSource={projects.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('project.empty')} /> }}
          data-testid="project-table"
          pagination={{ current: page, pageSize, total: projects.data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('project.total', { total }) }}
          onChange={(p, _f, sorter) => {
            const s = readSorter(sorter as SorterResult<TProject>);
            const known = SORTS.find((x) => x === s.sort);
            setQuery((q) => ({ ...q, page: p.current ?? 1, pageSize: p.pageSize ?? 20, sort: known, order: s.order ?? 'asc' }));
          }}
          columns={[
            { key: 'title', title: t('project.col.title'), sorter: true, sortOrder: toSortOrder(order, 'title', sort), render: (_, p) => <Link to={`/projects/${encodeURIComponent(p.id)}`} data-testid={`project-link-${p.id}`}>{p.title}</Link> },
            { key: 'category', title: t('project.col.category'), render: (_, p) => t(`project.category.${p.category}`) },
            { key: 'phase', title: t('project.col.phase'), sorter: true, sortOrder: toSortOrder(order, 'phase', sort), render: (_, p) => <PhaseTag phase={p.phase} /> },
            { key: 'budgetTotal', title: t('project.col.budget'), align: 'right', sorter: true, sortOrder: toSortOrder(order, 'budgetTotal', sort), render: (_, p) => formatYi(p.budgetTotal) },
            { key: 'startDate', title: t('project.col.period'), sorter: true, sortOrder: toSortOrder(order, 'startDate', sort), render: (_, p) => [p.startDate?.slice(0, 7), p.endDate?.slice(0, 7)].filter(Boolean).join(' ~ ') || (p.periodText ?? '—') },
            { key: 'unit', title: t('project.col.unit'), render: (_, p) => p.unitName ?? '—' },
            { key: 'side', title: t('project.col.side'), render: (_, p) => <SideTag side={p.side} /> },
          ]}
        />
      </Flex>
      <ProjectImportModal open={importing} onClose={() => setImporting(false)} />
      <ProjectFormModal open={creating} onClose={() => setCreating(false)} onSaved={(p) => navigate(`/projects/${encodeURIComponent(p.id)}`)} />
    </Card>
  );
}
