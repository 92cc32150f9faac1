import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import {
  COUNT_FIELDS,
  IDENTITY_FIELDS,
  IMPORT_FORMAT_OPTIONS,
  type ImportFormat,
  type ImportState,
  importStateQuery,
  importsQuery,
  insightKeys,
  isImportRunning,
  METRIC_FIELDS,
  type MetricField,
  SHOPIFY_COLUMNS,
  undoImport,
  uploadImport,
} from '../../api/insights.ts';
import type { User } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { AlertIcon, CheckIcon, UploadIcon } from '../../components/icons.tsx';
import { showToast } from '../../components/toast.tsx';
import { Button, EmptyState, ErrorAlert, Select, SkeletonRows } from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { formatInstant } from '../../time/format.ts';
import { useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import { type CsvHead, guessMapping, readCsvHead } from './csv-head.ts';
import { formatCount, formatShare } from './format.ts';
import { MeasurementFrame, mayImport } from './measurement-page.tsx';

const kb = (bytes: number, locale: string) =>
  new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(bytes >= 1024 * 1024 ? bytes / 1024 / 1024 : Math.max(0.1, bytes / 1024));

/** `/campaigns/:id/measurement/data`: upload exports, watch them import, undo one, see the formats. */
export function ImportsView({ me }: { me: User }) {
  const t = useT();
  const campaign = useLayoutCampaign();
  useDocumentTitle(`${t('imports.title')} · ${campaign.name}`);
  return (
    <MeasurementFrame me={me} active="data">
      <div className="ms-imp-layout">
        {mayImport(me) ? <ImportCard /> : null}
        <FormatDocs />
      </div>
      <ImportHistory me={me} />
    </MeasurementFrame>
  );
}

function ImportCard() {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  const queryClient = useQueryClient();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<ImportFormat>('shopify-orders');
  const [file, setFile] = useState<File | null>(null);
  const [head, setHead] = useState<CsvHead | null>(null);
  const [readError, setReadError] = useState(false);
  const [mapping, setMapping] = useState<Partial<Record<MetricField, string>>>({});
  const [dragging, setDragging] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async (next: File | null) => {
    setFile(next);
    setHead(null);
    setReadError(false);
    setImportId(null);
    setProblem(null);
    if (!next) return;
    try {
      const read = await readCsvHead(next);
      setHead(read);
      setMapping(guessMapping(read.header));
    } catch {
      setReadError(true);
    }
  };

  const upload = useMutation({
    mutationFn: () => {
      if (!file) throw new Error('no file');
      const chosen = Object.fromEntries(Object.entries(mapping).filter(([, header]) => header)) as Record<
        string,
        string
      >;
      setSent(0);
      return uploadImport(
        campaign.id,
        file,
        { format, fileName: file.name, mapping: format === 'post-metrics' ? chosen : undefined },
        locale,
        setSent,
      );
    },
    onSuccess: ({ id }) => {
      setImportId(id);
      setSent(null);
      void queryClient.invalidateQueries({ queryKey: insightKeys.imports(campaign.id) });
    },
    onError: () => setSent(null),
  });

  const missingShopify =
    head && format === 'shopify-orders' ? SHOPIFY_COLUMNS.filter((c) => !head.header.includes(c)) : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || !head) return;
    if (format === 'post-metrics') {
      if (!IDENTITY_FIELDS.some((f) => mapping[f])) return setProblem(t('imports.mapping.needIdentity'));
      if (!COUNT_FIELDS.some((f) => mapping[f])) return setProblem(t('imports.mapping.needCount'));
    }
    setProblem(null);
    upload.mutate();
  };
  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) void choose(dropped);
  };
  const reset = () => {
    setImportId(null);
    void choose(null);
    if (inputRef.current) inputRef.current.value = '';
  };

  return (
    <section className="card imp-card" aria-labelledby="imp-title">
      <div className="card-header">
        <div>
          <h3 className="card-title" id="imp-title">
            {t('imports.title')}
          </h3>
          <p className="card-description">{t('imports.description')}</p>
        </div>
      </div>
      <form className="card-body" onSubmit={submit} noValidate>
        <fieldset className="ms-imp-formats">
          <legend className="field-label">{t('imports.format.label')}</legend>
          <div className="ms-imp-format-row">
            {IMPORT_FORMAT_OPTIONS.map((option) => (
              <label key={option} className={`ms-imp-format${format === option ? ' ms-imp-format-on' : ''}`}>
                <input
                  type="radio"
                  name="import-format"
                  value={option}
                  checked={format === option}
                  onChange={() => {
                    setFormat(option);
                    setImportId(null);
                    setProblem(null);
                  }}
                />
                <span className="ms-imp-format-name">{t(`imports.format.${option}`)}</span>
                <span className="ms-imp-format-text">{t(`imports.format.${option}.text`)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <label
          htmlFor={inputId}
          className={`ms-imp-drop${dragging ? ' ms-imp-drop-over' : ''}${file ? ' ms-imp-drop-chosen' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <UploadIcon width={22} height={22} />
          {file ? (
            <span className="ms-imp-drop-file">
              <span className="cell-primary">{file.name}</span>
              <span className="cell-secondary">
                {kb(file.size, locale)}
                {head
                  ? ` · ${t('imports.file.columns', { count: head.header.length })} · ${t(`imports.file.separator.${head.delimiter === '\t' ? 'tab' : head.delimiter === ';' ? 'semicolon' : 'comma'}`)}`
                  : ''}
              </span>
            </span>
          ) : (
            <span className="ms-imp-drop-text">
              <span className="cell-primary">{t('imports.file.choose')}</span>
              <span className="cell-secondary">{t('imports.file.hint')}</span>
            </span>
          )}
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            accept=".csv,.txt,text/csv"
            className="visually-hidden"
            aria-label={t('imports.file.label')}
            onChange={(event) => void choose(event.target.files?.[0] ?? null)}
          />
        </label>
        {readError ? <p className="field-error">{t('imports.file.unreadable')}</p> : null}

        {head && format === 'shopify-orders' ? (
          <ul className="ms-imp-checklist" aria-label={t('imports.shopify.required')}>
            {SHOPIFY_COLUMNS.map((column) => {
              const ok = head.header.includes(column);
              return (
                <li key={column} className={ok ? 'ms-imp-ok' : 'ms-imp-missing'}>
                  {ok ? <CheckIcon width={14} height={14} /> : <AlertIcon width={14} height={14} />}
                  <code>{column}</code>
                </li>
              );
            })}
          </ul>
        ) : null}
        {missingShopify.length ? (
          <div className="alert alert-warning" role="status">
            <p>{t('imports.shopify.missing', { columns: missingShopify.join(', ') })}</p>
          </div>
        ) : null}

        {head && format === 'post-metrics' ? (
          <MappingTable head={head} mapping={mapping} onChange={setMapping} />
        ) : null}

        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <ErrorAlert error={upload.error} />

        {sent !== null ? (
          <div className="ms-imp-progress" aria-live="polite">
            <div className="ms-imp-progress-head">
              <span>{t('imports.progress.uploading')}</span>
              <span>{formatShare(sent, locale)}</span>
            </div>
            <div
              className="ms-imp-bar"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(sent * 100)}
            >
              <span style={{ width: `${sent * 100}%` }} />
            </div>
          </div>
        ) : null}
        {importId ? <ImportProgress id={importId} /> : null}

        <div className="form-actions">
          {importId ? (
            <Button onClick={reset}>{t('imports.another')}</Button>
          ) : (
            <Button type="submit" variant="primary" pending={upload.isPending} disabled={!file || !head}>
              <UploadIcon width={16} height={16} />
              {t('imports.submit')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}

function MappingTable({
  head,
  mapping,
  onChange,
}: {
  head: CsvHead;
  mapping: Partial<Record<MetricField, string>>;
  onChange: (next: Partial<Record<MetricField, string>>) => void;
}) {
  const t = useT();
  const sample = (header: string | undefined) => {
    if (!header) return '';
    const index = head.header.indexOf(header);
    return head.rows
      .map((row) => row[index] ?? '')
      .filter(Boolean)
      .slice(0, 2)
      .join(' · ');
  };
  return (
    <div className="ms-imp-mapping">
      <p className="field-label">{t('imports.mapping.title')}</p>
      <p className="text-sm muted">{t('imports.mapping.hint')}</p>
      <div className="table-wrap table-wrap-flat">
        <table className="table ms-imp-mapping-table">
          <thead>
            <tr>
              <th scope="col">{t('imports.mapping.field')}</th>
              <th scope="col">{t('imports.mapping.column')}</th>
              <th scope="col">{t('imports.mapping.sample')}</th>
            </tr>
          </thead>
          <tbody>
            {METRIC_FIELDS.map((field) => (
              <tr key={field}>
                <td>
                  <span className="cell-primary">{t(`imports.field.${field}`)}</span>{' '}
                  <code className="ms-imp-field-code">{field}</code>
                </td>
                <td>
                  <Select
                    className="ms-imp-mapping-select"
                    aria-label={t('imports.mapping.columnFor', { field: t(`imports.field.${field}`) })}
                    value={mapping[field] ?? ''}
                    onChange={(event) => onChange({ ...mapping, [field]: event.target.value })}
                  >
                    <option value="">{t('imports.mapping.none')}</option>
                    {head.header.map((header) => (
                      <option key={header} value={header}>
                        {header}
                      </option>
                    ))}
                  </Select>
                </td>
                <td className="ms-imp-sample">{sample(mapping[field])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Live progress of one import (polled every 500 ms), then its result and its row errors. */
function ImportProgress({ id }: { id: string }) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  const queryClient = useQueryClient();
  const state = useQuery(importStateQuery(campaign.id, id));
  const data = state.data;
  const running = isImportRunning(data);
  useEffect(() => {
    if (data && !running) {
      void queryClient.invalidateQueries({ queryKey: insightKeys.imports(campaign.id), exact: true });
      void queryClient.invalidateQueries({ queryKey: insightKeys.report(campaign.id) });
    }
  }, [data, running, queryClient, campaign.id]);
  if (state.isError) return <ErrorAlert error={state.error} />;
  if (!data) return null;
  return (
    <div className="ms-imp-progress" data-testid="import-progress" data-status={data.status}>
      <div className="ms-imp-progress-head">
        <span>
          {running
            ? t('imports.progress.processing')
            : data.status === 'completed'
              ? t('imports.progress.completed')
              : data.status === 'failed'
                ? t('imports.progress.failed')
                : t(`imports.status.${data.status}`)}
        </span>
        <span>
          {formatShare(running ? data.progress : data.status === 'completed' ? 1 : data.progress, locale)}
        </span>
      </div>
      <div
        className={`ms-imp-bar${data.status === 'failed' ? ' ms-imp-bar-failed' : ''}${data.status === 'completed' ? ' ms-imp-bar-done' : ''}`}
        role="progressbar"
        aria-label={t('imports.progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round((data.status === 'completed' ? 1 : data.progress) * 100)}
      >
        <span style={{ width: `${(data.status === 'completed' ? 1 : data.progress) * 100}%` }} />
      </div>
      <dl className="ms-imp-counts">
        <div>
          <dt>{t('imports.counts.read')}</dt>
          <dd>{formatCount(data.rowsRead, locale)}</dd>
        </div>
        <div>
          <dt>{t('imports.counts.imported')}</dt>
          <dd className="ms-imp-good">{formatCount(data.rowsImported, locale)}</dd>
        </div>
        <div>
          <dt>{t('imports.counts.rejected')}</dt>
          <dd className={data.rowsRejected ? 'ms-imp-bad' : undefined}>
            {formatCount(data.rowsRejected, locale)}
          </dd>
        </div>
      </dl>
      {data.status === 'failed' && data.failureMessage ? (
        <div className="alert alert-error" role="alert">
          <AlertIcon className="alert-icon" />
          <p>{data.failureMessage}</p>
        </div>
      ) : null}
      {!running && data.status === 'completed' ? (
        <div className="alert alert-success" role="status">
          <p>{t('imports.result', { imported: data.rowsImported, rejected: data.rowsRejected })}</p>
        </div>
      ) : null}
      {!running && data.errors.length ? <RowErrors errors={data.errors} total={data.rowsRejected} /> : null}
    </div>
  );
}

function RowErrors({ errors, total }: { errors: ImportState['errors']; total: number }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const shown = all ? errors : errors.slice(0, 10);
  return (
    <div className="ms-imp-errors">
      <p className="field-label">{t('imports.errors.title', { count: total })}</p>
      <div className="table-wrap table-wrap-flat">
        <table className="table ms-imp-errors-table">
          <thead>
            <tr>
              <th scope="col">{t('imports.errors.line')}</th>
              <th scope="col">{t('imports.errors.message')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((error) => (
              <tr key={`${error.line}-${error.message}`}>
                <td className="num mono">{error.line}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > shown.length ? (
        <Button size="sm" variant="ghost" onClick={() => setAll(true)}>
          {t('imports.errors.showAll', { count: errors.length })}
        </Button>
      ) : null}
      {total > errors.length ? (
        <p className="text-sm muted">{t('imports.errors.capped', { count: errors.length })}</p>
      ) : null}
    </div>
  );
}

/** The failure in the reader's language (the list carries only its code) and the row errors. */
function ImportDetails({ id, fallback }: { id: string; fallback: ImportState }) {
  const campaign = useLayoutCampaign();
  const state = useQuery(importStateQuery(campaign.id, id));
  const item = state.data ?? fallback;
  return (
    <div className="stack">
      {item.failure ? (
        <div className="alert alert-error" role="alert">
          <AlertIcon className="alert-icon" />
          <p>{item.failureMessage ?? item.failure}</p>
        </div>
      ) : null}
      {item.errors.length ? <RowErrors errors={item.errors} total={item.rowsRejected} /> : null}
    </div>
  );
}

function FormatDocs() {
  const t = useT();
  return (
    <aside className="card ms-imp-docs" aria-labelledby="imp-docs-title">
      <div className="card-header">
        <h3 className="card-title" id="imp-docs-title">
          {t('imports.docs.title')}
        </h3>
      </div>
      <div className="card-body ms-imp-docs-body">
        <div>
          <p className="ms-imp-docs-h">{t('imports.format.post-metrics')}</p>
          <p className="text-sm muted">{t('imports.docs.metricsIntro')}</p>
          <dl className="ms-imp-docs-list">
            {METRIC_FIELDS.map((field) => (
              <div key={field}>
                <dt>
                  <code>{field}</code>
                </dt>
                <dd>{t(`imports.doc.${field}`)}</dd>
              </div>
            ))}
          </dl>
          <p className="text-sm muted">{t('imports.docs.metricsNumbers')}</p>
        </div>
        <div>
          <p className="ms-imp-docs-h">{t('imports.format.shopify-orders')}</p>
          <p className="text-sm muted">{t('imports.docs.shopify')}</p>
          <p className="ms-imp-docs-cols">
            {SHOPIFY_COLUMNS.map((c) => (
              <code key={c}>{c}</code>
            ))}
          </p>
        </div>
      </div>
    </aside>
  );
}

function ImportHistory({ me }: { me: User }) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  const queryClient = useQueryClient();
  const imports = useQuery(importsQuery(campaign.id));
  const [open, setOpen] = useState<string | null>(null);
  const [undoing, setUndoing] = useState<ImportState | null>(null);
  const undo = useMutation({
    mutationFn: (id: string) => undoImport(id),
    onSuccess: (state) => {
      void queryClient.invalidateQueries({ queryKey: insightKeys.imports(campaign.id) });
      void queryClient.invalidateQueries({ queryKey: insightKeys.report(campaign.id) });
      setUndoing(null);
      showToast(
        t('imports.undone', { name: state.fileName ?? t(`imports.format.${state.format}`) }),
        'success',
      );
    },
  });
  const statusTone = (status: string) =>
    status === 'completed'
      ? 'success'
      : status === 'failed'
        ? 'danger'
        : status === 'undone'
          ? 'neutral'
          : 'accent';

  return (
    <section className="card" aria-labelledby="imp-history-title">
      <div className="card-header">
        <div>
          <h3 className="card-title" id="imp-history-title">
            {t('imports.history.title')}
          </h3>
          <p className="card-description">{t('imports.history.hint')}</p>
        </div>
      </div>
      {imports.isError ? (
        <div className="card-body">
          <ErrorAlert error={imports.error} />
        </div>
      ) : imports.data && imports.data.length === 0 ? (
        <EmptyState icon={<UploadIcon width={28} height={28} />} title={t('imports.history.empty')} />
      ) : (
        <div className="table-wrap">
          <table className="table table-cells-stacked ms-imp-history">
            <thead>
              <tr>
                <th scope="col">{t('imports.history.file')}</th>
                <th scope="col">{t('imports.history.status')}</th>
                <th scope="col">{t('imports.history.when')}</th>
                <th scope="col" className="num">
                  {t('imports.counts.imported')}
                </th>
                <th scope="col" className="num">
                  {t('imports.counts.rejected')}
                </th>
                <th scope="col" className="cell-actions">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.isPending ? <SkeletonRows rows={2} columns={6} /> : null}
              {imports.data?.map((item) => (
                <HistoryRow
                  key={item.id}
                  item={item}
                  locale={locale}
                  zone={me.timeZone}
                  tone={statusTone(item.status)}
                  open={open === item.id}
                  onToggle={() => setOpen((value) => (value === item.id ? null : item.id))}
                  onUndo={mayImport(me) && item.status === 'completed' ? () => setUndoing(item) : undefined}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {undoing ? (
        <ConfirmDialog
          title={t('imports.undo.title')}
          confirmLabel={t('imports.undo.confirm')}
          onConfirm={() => undo.mutate(undoing.id)}
          onClose={() => setUndoing(null)}
          pending={undo.isPending}
          error={<ErrorAlert error={undo.error} />}
        >
          <p>
            {t('imports.undo.text', {
              name: undoing.fileName ?? t(`imports.format.${undoing.format}`),
              count: undoing.rowsImported,
            })}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function HistoryRow({
  item,
  locale,
  zone,
  tone,
  open,
  onToggle,
  onUndo,
}: {
  item: ImportState;
  locale: 'en' | 'ru';
  zone: string;
  tone: 'success' | 'danger' | 'neutral' | 'accent';
  open: boolean;
  onToggle: () => void;
  onUndo?: () => void;
}) {
  const t = useT();
  const details = item.errors.length > 0 || Boolean(item.failure);
  return (
    <>
      <tr className={open ? 'row-open' : undefined} data-import={item.fileName ?? item.id}>
        <td>
          <span className="cell-primary">{item.fileName ?? '—'}</span>
          <span className="cell-secondary">{t(`imports.format.${item.format}`)}</span>
        </td>
        <td>
          <span className={`badge badge-${tone}`}>{t(`imports.status.${item.status}`)}</span>
        </td>
        <td className="cell-nowrap">{formatInstant(item.createdAt, zone, locale)}</td>
        <td className="num">{formatCount(item.rowsImported, locale)}</td>
        <td className="num">{formatCount(item.rowsRejected, locale)}</td>
        <td className="cell-actions">
          <div className="ms-imp-row-actions">
            {details ? (
              <Button size="sm" variant="ghost" aria-expanded={open} onClick={onToggle}>
                {t('imports.history.details')}
              </Button>
            ) : null}
            {onUndo ? (
              <Button size="sm" onClick={onUndo}>
                {t('imports.undo.open')}
              </Button>
            ) : null}
          </div>
        </td>
      </tr>
      {open ? (
        <tr className="row-details">
          <td colSpan={6}>
            <ImportDetails id={item.id} fallback={item} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
