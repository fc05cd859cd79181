import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import type { Deadline, ImportTask, ImportUnit, TImportPreview } from '../../api/imports';
import { useT } from '../../i18n/use-t';
import { DeadlineCell, UnitTags } from './import-cells';
import { sectionsOf, topTasksOf } from './import-model';

type Row = {
  key: string;
  kind: 'section' | 'task' | 'subTask';
  title: string;
  rows: string;
  units: ImportUnit[];
  deadline: Deadline | null;
  note: string;
  matched?: { code: string; title: string } | null;
  children?: Row[];
};

const rowsText = (rows: number[]) => (rows.length > 1 ? `${rows[0]}–${rows[rows.length - 1]}` : String(rows[0] ?? ''));

function taskRow(task: ImportTask, kind: 'task' | 'subTask'): Row {
  return {
    key: task.key,
    kind,
    title: task.seqText && kind === 'task' ? `${task.seqText}. ${task.title}` : task.title,
    rows: rowsText(task.sourceRows),
    units: task.units,
    deadline: task.deadline,
    note: task.note,
    ...(task.subTasks.length ? { children: task.subTasks.map((s) => taskRow(s, 'subTask')) } : {}),
  };
}

export function buildPreviewRows(preview: Pick<TImportPreview, 'tree'>, topTitle: string): Row[] {
  const top = topTasksOf(preview);
  const rows: Row[] = [];
  if (top.length) rows.push({ key: 'top', kind: 'section', title: topTitle, rows: '', units: [], deadline: null, note: '', matched: null, children: top.map((t) => taskRow(t, 'task')) });
  for (const s of sectionsOf(preview)) {
    rows.push({
      key: s.key,
      kind: 'section',
      title: s.rawTitle,
      rows: String(s.sourceRow),
      units: [],
      deadline: null,
      note: '',
      matched: s.match.kind === 'article' ? { code: s.match.code, title: s.match.title } : null,
      ...(s.tasks.length ? { children: s.tasks.map((t) => taskRow(t, 'task')) } : {}),
    });
  }
  return rows;
}

/** Sections → tasks → sub-tasks as the sheet will be read, with units coloured by match and deadlines as parsed. */
export function ImportPreviewTable({
  preview,
  resolved,
  sectionArticle,
}: {
  preview: TImportPreview;
  resolved: (name: string) => string[] | undefined;
  /** The article the office chose for an unmatched section (by row key), as 'code title'. */
  sectionArticle: (key: string) => string | undefined;
}) {
  const t = useT();
  const data = useMemo(() => buildPreviewRows(preview, t('import.section.top')), [preview, t]);
  const expandable = useMemo(() => {
    const keys: string[] = [];
    const walk = (rows: Row[]) => rows.forEach((r) => r.children && (keys.push(r.key), walk(r.children)));
    walk(data);
    return keys;
  }, [data]);

  const columns: ColumnsType<Row> = [
    {
      title: t('import.col.title'),
      dataIndex: 'title',
      render: (title: string, r) =>
        r.kind === 'section' ? (
          <span>
            <Typography.Text strong>{title}</Typography.Text>{' '}
            {r.matched ? (
              <Tag color="green">{t('import.section.matched', { code: r.matched.code, title: r.matched.title })}</Tag>
            ) : sectionArticle(r.key === 'top' ? 'top' : r.rows) ? (
              <Tag color="blue">→ {sectionArticle(r.key === 'top' ? 'top' : r.rows)}</Tag>
            ) : r.key !== 'top' ? (
              <Tag color="red">{t('import.section.new')}</Tag>
            ) : null}
          </span>
        ) : r.kind === 'task' ? (
          <Typography.Text>{title}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{title}</Typography.Text>
        ),
    },
    { title: t('import.col.row'), dataIndex: 'rows', width: 70 },
    { title: t('import.col.units'), key: 'units', width: '32%', render: (_, r) => (r.kind === 'section' ? null : <UnitTags units={r.units} resolved={resolved} />) },
    { title: t('import.col.deadline'), key: 'deadline', width: 170, render: (_, r) => (r.kind === 'section' ? null : <DeadlineCell deadline={r.deadline} />) },
    { title: t('import.col.note'), dataIndex: 'note', width: 120, ellipsis: true },
  ];

  return (
    <Table<Row>
      data-testid="import-preview"
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={data}
      pagination={false}
      expandable={{ defaultExpandedRowKeys: expandable }}
      scroll={{ x: 900 }}
    />
  );
}
