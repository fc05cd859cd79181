import { CheckCircleOutlined, FileExcelOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Divider, Flex, List, Popconfirm, Result, Space, Steps, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { useApplyImport, usePreviewImport, type ImportProblem, type TImportOptions, type TImportPreview, type TImportResult } from '../../api/imports';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { ImportPreviewTable } from './import-preview-table';
import { ImportProblemsTable } from './import-problems-table';
import { ImportResolutions } from './import-resolutions';
import { ImportUpload } from './import-upload';
import { emptyResolutions, hintsOf, sectionsToResolve, titleMissingRows, toResolutions, unitsToResolve, withSuggestions, type ResolutionState } from './import-model';
import { MappingForm } from './mapping-form';
import { useUnitOptions } from './use-unit-options';

type Step = 'upload' | 'mapping' | 'preview' | 'done';
const STEP_INDEX: Record<Step, number> = { upload: 0, mapping: 1, preview: 2, done: 3 };

const blockedProblems = (err: unknown): ImportProblem[] | null =>
  err instanceof ApiError && err.code === 'IMPORT_BLOCKED' && Array.isArray(err.details.problems) ? (err.details.problems as ImportProblem[]) : null;

/** Upload → (column mapping) → preview and resolve → apply, for one 任务分工表. */
export function ImportWizard({ planId }: { planId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const previewMutation = usePreviewImport(planId);
  const applyMutation = useApplyImport(planId);
  const unitOptions = useUnitOptions();

  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<TImportOptions>({});
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  /** The options (with resolutions) the shown preview was made with: apply sends exactly these. */
  const [previewedWith, setPreviewedWith] = useState<TImportOptions>({});
  const [resolutions, setResolutions] = useState<ResolutionState>(emptyResolutions);
  const [blocked, setBlocked] = useState<ImportProblem[] | null>(null);
  const [result, setResult] = useState<TImportResult | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  const units = useMemo(() => (preview ? unitsToResolve(preview) : []), [preview]);
  const sections = useMemo(() => (preview ? sectionsToResolve(preview) : []), [preview]);
  const titleMissing = useMemo(() => (preview ? titleMissingRows(preview) : []), [preview]);
  const pendingResolutions = preview ? toResolutions(resolutions, preview) : {};
  const dirty = JSON.stringify(pendingResolutions) !== JSON.stringify(previewedWith.resolutions ?? {});

  const runPreview = (f: File, opts: TImportOptions, state: ResolutionState, after?: (p: TImportPreview) => void) => {
    setBlocked(null);
    setLoadError(null);
    const sent: TImportOptions = { ...opts, ...(preview ? { resolutions: toResolutions(state, preview) } : {}) };
    if (sent.resolutions && !Object.keys(sent.resolutions).length) delete sent.resolutions;
    previewMutation.mutate(
      { file: f, options: sent },
      {
        onSuccess: (p) => {
          setPreview(p);
          setPreviewedWith(sent);
          after?.(p);
        },
        onError: (err) => {
          setLoadError(err);
          // No header found: the office has to say where it is.
          if (err instanceof ApiError && err.code === 'IMPORT_NO_HEADER') setStep('mapping');
          else message.error(errorText(err));
        },
      },
    );
  };

  const onFile = (f: File) => {
    setFile(f);
    setOptions({});
    setPreview(null);
    setResult(null);
    const fresh = emptyResolutions();
    setResolutions(fresh);
    setBlocked(null);
    setLoadError(null);
    previewMutation.mutate(
      { file: f, options: {} },
      {
        onSuccess: (p) => {
          setPreview(p);
          setPreviewedWith({});
          setResolutions(withSuggestions(fresh, unitsToResolve(p)));
          setStep(p.needsMapping ? 'mapping' : 'preview');
        },
        onError: (err) => {
          setLoadError(err);
          if (err instanceof ApiError && err.code === 'IMPORT_NO_HEADER') setStep('mapping');
          else message.error(errorText(err));
        },
      },
    );
  };

  const onMapping = (opts: TImportOptions) => {
    if (!file) return;
    setOptions(opts);
    // New columns or another sheet change every row: start the resolutions over.
    const fresh = emptyResolutions();
    setResolutions(fresh);
    setPreview(null);
    previewMutation.mutate(
      { file, options: opts },
      {
        onSuccess: (p) => {
          setPreview(p);
          setPreviewedWith(opts);
          setResolutions(withSuggestions(fresh, unitsToResolve(p)));
          setStep('preview');
          setLoadError(null);
        },
        onError: (err) => {
          setLoadError(err);
          message.error(errorText(err));
        },
      },
    );
  };

  const recheck = () => file && runPreview(file, options, resolutions);

  const apply = () => {
    if (!file) return;
    applyMutation.mutate(
      { file, options: previewedWith },
      {
        onSuccess: (r) => {
          setResult(r);
          setStep('done');
        },
        onError: (err) => {
          const problems = blockedProblems(err);
          if (problems) setBlocked(problems);
          else message.error(errorText(err));
        },
      },
    );
  };

  const restart = () => {
    setStep('upload');
    setFile(null);
    setPreview(null);
    setResult(null);
    setBlocked(null);
    setLoadError(null);
  };

  const resolvedNames = (name: string) => {
    const ids = previewedWith.resolutions?.units?.[name];
    return ids?.length ? ids.map((id) => unitOptions.nameOf.get(id) ?? id) : undefined;
  };

  const sectionArticle = (key: string) => {
    const id = previewedWith.resolutions?.sections?.[key];
    const article = id ? preview?.articles.find((a) => a.id === id) : undefined;
    return article ? `${article.code} ${article.title}` : undefined;
  };

  const canApply = Boolean(preview && preview.blocking.length === 0 && !dirty && !previewMutation.isPending);

  return (
    <Flex vertical gap={16}>
      <Steps
        size="small"
        current={STEP_INDEX[step]}
        items={[{ title: t('import.step.upload') }, { title: t('import.step.mapping') }, { title: t('import.step.preview') }, { title: t('import.step.done') }]}
      />

      {file && step !== 'done' && (
        <Flex gap={12} align="center" wrap>
          <Typography.Text>
            <FileExcelOutlined /> {t('import.file', { name: file.name })}
          </Typography.Text>
          <Button size="small" onClick={restart} data-testid="btn-change-file">
            {t('import.changeFile')}
          </Button>
          {step === 'preview' && (
            <Button size="small" icon={<SettingOutlined />} onClick={() => setStep('mapping')} data-testid="btn-edit-mapping">
              {t('import.editMapping')}
            </Button>
          )}
        </Flex>
      )}

      {step === 'upload' && <ImportUpload onFile={onFile} disabled={previewMutation.isPending} />}
      {step === 'upload' && previewMutation.isPending && <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>}

      {step === 'mapping' && (
        <Card size="small" title={t('import.mapping')}>
          {loadError !== null && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(loadError)} />}
          <MappingForm key={preview ? `${preview.sheetName}-${preview.headerRow}` : 'none'} preview={preview} options={options} loading={previewMutation.isPending} onSubmit={onMapping} />
        </Card>
      )}

      {step === 'preview' && preview && (
        <>
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'title', label: t('import.tree'), children: preview.title ?? '—' },
                { key: 'sheet', label: t('import.sheet'), children: t('import.sheetInfo', { sheet: preview.sheetName, row: preview.headerRow }) },
                { key: 'counts', label: t('plan.structure'), children: <span data-testid="import-counts">{t('import.counts', preview.counts)}</span> },
              ]}
            />
          </Card>

          {blocked && (
            <Alert
              type="error"
              showIcon
              data-testid="import-blocked"
              title={t('import.blocked')}
              description={<ImportProblemsTable problems={blocked} testId="import-blocked-problems" />}
            />
          )}

          <Card
            size="small"
            title={t('import.problems', { count: preview.blocking.length })}
            extra={
              <Space>
                <Button icon={<ReloadOutlined />} onClick={recheck} loading={previewMutation.isPending} data-testid="btn-recheck" type={dirty ? 'primary' : 'default'}>
                  {t('import.recheck')}
                </Button>
                <Popconfirm
                  title={t('import.applyConfirm', { tasks: preview.counts.tasks, subTasks: preview.counts.subTasks })}
                  onConfirm={apply}
                  disabled={!canApply}
                >
                  <Button type="primary" icon={<CheckCircleOutlined />} disabled={!canApply} loading={applyMutation.isPending} data-testid="btn-apply-import">
                    {t('import.apply')}
                  </Button>
                </Popconfirm>
              </Space>
            }
          >
            {preview.blocking.length === 0 ? (
              <Alert type="success" showIcon title={t('import.noProblems')} data-testid="import-no-problems" />
            ) : (
              <ImportProblemsTable problems={preview.blocking} />
            )}
            {(units.length > 0 || sections.length > 0 || titleMissing.length > 0) && (
              <>
                <Divider titlePlacement="start" plain>
                  {t('import.resolutions')}
                </Divider>
                <ImportResolutions preview={preview} units={units} sections={sections} titleMissing={titleMissing} value={resolutions} onChange={setResolutions} />
              </>
            )}
            {hintsOf(preview).length > 0 && (
              <>
                <Divider titlePlacement="start" plain>
                  {t('import.otherProblems')}
                </Divider>
                <ImportProblemsTable problems={hintsOf(preview)} testId="import-hints" />
              </>
            )}
          </Card>

          <Card size="small" title={t('import.tree')}>
            <ImportPreviewTable preview={preview} resolved={resolvedNames} sectionArticle={sectionArticle} />
            {preview.tree.notes.length > 0 && (
              <List
                size="small"
                header={<Typography.Text type="secondary">{t('import.notes')}</Typography.Text>}
                dataSource={preview.tree.notes}
                renderItem={(n) => (
                  <List.Item>
                    <Typography.Text type="secondary">
                      {t('import.col.row')} {n.row}：{n.text}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </>
      )}

      {step === 'done' && result && (
        <Result
          status="success"
          data-testid="import-result"
          title={t('import.done.title')}
          subTitle={t('import.done.summary', result)}
          extra={[
            <Link key="plan" to="/plan">
              <Button type="primary" data-testid="link-plan">
                {t('import.done.toPlan')}
              </Button>
            </Link>,
            <Button key="again" onClick={restart}>
              {t('import.done.again')}
            </Button>,
          ]}
        />
      )}
    </Flex>
  );
}
