import { Table, Tag } from 'antd';
import type { ImportProblem } from '../../api/imports';
import { useLang, useT } from '../../i18n/use-t';
import { problemText } from './import-model';

const CODE_COLOR: Record<string, string> = { UNIT_UNKNOWN: 'red', UNIT_GROUP_NEEDS_CHOICE: 'blue', SECTION_UNMATCHED: 'orange', TITLE_MISSING: 'default', DEADLINE_UNKNOWN: 'gold' };

/** Problems by row and column, in the current language. */
export function ImportProblemsTable({ problems, testId = 'import-problems' }: { problems: readonly ImportProblem[]; testId?: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <Table<ImportProblem>
      data-testid={testId}
      size="small"
      rowKey={(p, i) => `${p.row}-${p.column}-${p.code}-${p.value}-${i ?? 0}`}
      dataSource={[...problems]}
      pagination={problems.length > 20 ? { pageSize: 20, size: 'small' } : false}
      columns={[
        { title: t('import.col.row'), dataIndex: 'row', width: 70 },
        { title: t('import.col.column'), dataIndex: 'column', width: 90, render: (c: string, p) => (p.field === 'section' ? t('import.field.section') : c) },
        {
          title: t('import.col.message'),
          key: 'message',
          render: (_, p) => (
            <span>
              <Tag color={CODE_COLOR[p.code] ?? 'default'}>{p.code}</Tag>
              {problemText(p, lang)}
            </span>
          ),
        },
      ]}
    />
  );
}
