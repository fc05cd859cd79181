import { Alert, Button, Col, Form, InputNumber, Row, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { TASK_DIVISION_FIELDS, type TaskDivisionField, type TImportOptions, type TImportPreview } from '../../api/imports';
import { useT } from '../../i18n/use-t';

type Values = { sheet?: string; headerRow?: number } & Partial<Record<TaskDivisionField, number | null>>;

const LETTERS = Array.from({ length: 26 }, (_, i) => ({ column: i + 1, letter: String.fromCharCode(65 + i), text: '' }));

/**
 * Step 2: which sheet, which row holds the header, and which column each field is in. Without a
 * preview (the server found no header at all) the columns are offered as plain letters A–Z.
 */
export function MappingForm({
  preview,
  options,
  loading,
  onSubmit,
}: {
  preview: TImportPreview | null;
  options: TImportOptions;
  loading: boolean;
  onSubmit: (options: TImportOptions) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const headers = preview?.headers.length ? preview.headers : LETTERS;
  const columnOptions = useMemo(
    () => [
      { value: 0, label: t('import.notMapped') },
      ...headers.map((h) => ({ value: h.column, label: h.text ? `${h.letter} · ${h.text}` : h.letter })),
    ],
    [headers, t],
  );
  const initial: Values = {
    sheet: typeof options.sheet === 'string' ? options.sheet : preview?.sheetName,
    headerRow: options.headerRow ?? preview?.headerRow,
    ...Object.fromEntries(TASK_DIVISION_FIELDS.map((f) => [f, options.mapping?.[f] ?? preview?.columns[f] ?? 0])),
  };

  const submit = (values: Values) => {
    const mapping: NonNullable<TImportOptions['mapping']> = {};
    for (const f of TASK_DIVISION_FIELDS) {
      const c = values[f];
      if (c) mapping[f] = c;
    }
    onSubmit({
      ...(values.sheet ? { sheet: values.sheet } : {}),
      ...(values.headerRow ? { headerRow: values.headerRow } : {}),
      ...(Object.keys(mapping).length ? { mapping } : {}),
    });
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="import-mapping">
      {preview?.needsMapping && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('import.needsMapping')} />}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="sheet" label={t('import.sheet')}>
            <Select
              data-testid="import-sheet"
              allowClear
              options={(preview?.sheetNames ?? []).map((s) => ({ value: s, label: s }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="headerRow" label={t('import.headerRow')}>
            <InputNumber data-testid="import-header-row" min={1} max={50} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t('import.mapping.hint')}</Typography.Paragraph>
      <Row gutter={16}>
        {TASK_DIVISION_FIELDS.map((f) => (
          <Col xs={24} md={12} lg={8} key={f}>
            <Form.Item name={f} label={t(`import.field.${f}`)}>
              <Select data-testid={`import-map-${f}`} options={columnOptions} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Button type="primary" htmlType="submit" loading={loading} data-testid="btn-remap">
        {t('import.rePreview')}
      </Button>
    </Form>
  );
}
