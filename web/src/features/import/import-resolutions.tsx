import { Checkbox, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TImportPreview } from '../../api/imports';
import { useT } from '../../i18n/use-t';
import { SKIP_SECTION, type ResolutionState, type SectionToResolve, type UnitToResolve } from './import-model';
import { filterUnitOption, useUnitOptions } from './use-unit-options';

type Props = {
  preview: TImportPreview;
  units: readonly UnitToResolve[];
  sections: readonly SectionToResolve[];
  titleMissing: readonly number[];
  value: ResolutionState;
  onChange: (next: ResolutionState) => void;
};

/** What the office decides before applying: units for unknown names and groups, articles for new sections, rows to skip. */
export function ImportResolutions({ preview, units, sections, titleMissing, value, onChange }: Props) {
  const t = useT();
  const unitOptions = useUnitOptions();
  const articleOptions = [
    { value: SKIP_SECTION, label: t('import.resolve.skipSection') },
    ...preview.articles.map((a) => ({ value: a.id, label: `${a.code} ${a.title}` })),
  ];

  return (
    <Flex vertical gap={16} data-testid="import-resolutions">
      {units.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('import.resolve.units')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('import.resolve.unitsHint')}</Typography.Paragraph>
          <Table<UnitToResolve>
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={[...units]}
            columns={[
              {
                title: t('import.resolve.unitName'),
                dataIndex: 'name',
                width: 220,
                render: (name: string, u) => <Tag color={u.kind === 'unknown' ? 'red' : 'blue'}>{name}</Tag>,
              },
              { title: t('import.resolve.unitRows'), dataIndex: 'rows', width: 120, render: (rows: number[]) => rows.join('、') },
              {
                title: t('import.resolve.chooseUnits'),
                key: 'choose',
                render: (_, u, i) => (
                  <Select
                    mode="multiple"
                    data-testid={`resolve-unit-${i}`}
                    data-name={u.name}
                    style={{ width: '100%' }}
                    placeholder={t('import.resolve.chooseUnits')}
                    value={value.units[u.name] ?? []}
                    onChange={(ids: string[]) => onChange({ ...value, units: { ...value.units, [u.name]: ids } })}
                    options={unitOptions.options}
                    loading={unitOptions.loading}
                    showSearch={{ filterOption: filterUnitOption }}
                    maxTagCount="responsive"
                  />
                ),
              },
            ]}
          />
        </div>
      )}
      {sections.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('import.resolve.sections')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('import.resolve.sectionsHint')}</Typography.Paragraph>
          <Flex vertical gap={8}>
            {sections.map((s) => (
              <Flex key={s.key} gap={12} align="center" wrap>
                <Typography.Text style={{ minWidth: 260 }}>
                  {s.key === 'top' ? t('import.section.top') : `${t('import.col.row')} ${s.row}：${s.title}`}
                </Typography.Text>
                <Select
                  data-testid={`resolve-section-${s.key}`}
                  style={{ minWidth: 360, flex: 1 }}
                  placeholder={t('import.resolve.chooseArticle')}
                  value={value.sections[s.key]}
                  onChange={(v: string | undefined) => onChange({ ...value, sections: { ...value.sections, [s.key]: v ?? '' } })}
                  options={s.key === 'top' ? articleOptions.slice(1) : articleOptions}
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Flex>
            ))}
          </Flex>
        </div>
      )}
      {titleMissing.length > 0 && (
        <Checkbox data-testid="skip-title-missing" checked={value.skipTitleMissing} onChange={(e) => onChange({ ...value, skipTitleMissing: e.target.checked })}>
          {t('import.resolve.skipTitleMissing', { count: titleMissing.length })}（{titleMissing.join('、')}）
        </Checkbox>
      )}
    </Flex>
  );
}
