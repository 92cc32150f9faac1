import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n/runtime.ts';
import { type Creator, creatorKeys, importLineErrors, sendRaw } from '../../api/creators.ts';
import { DownloadIcon, FileIcon, UploadIcon } from '../../components/icons.tsx';
import { Button, ErrorAlert, Notice } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Modal } from './bits.tsx';
import { fileSize } from './labels.ts';

/** The roster CSV's columns, as the server reads them (src/server/modules/creators/roster.ts). */
const COLUMNS: ReadonlyArray<{ name: string; required?: boolean; example: string }> = [
  { name: 'name', required: true, example: 'Анна Смирнова' },
  { name: 'market', required: true, example: 'RU' },
  { name: 'language', required: true, example: 'ru' },
  { name: 'time_zone', required: true, example: 'Europe/Moscow' },
  { name: 'platform', example: 'telegram' },
  { name: 'handle', example: '@anna_wellness' },
  { name: 'url', example: 'https://t.me/anna_wellness' },
  { name: 'followers', example: '120 000' },
  { name: 'average_views', example: '45000' },
  { name: 'engagement_rate', example: '5,2' },
  { name: 'email', example: 'anna@example.ru' },
  { name: 'tags', example: 'yoga|morning' },
];

const TEMPLATE = [
  COLUMNS.map((c) => c.name).join(','),
  'Анна Смирнова,RU,ru,Europe/Moscow,telegram,@anna_wellness,https://t.me/anna_wellness,120000,45000,5.2,anna@example.ru,yoga|morning',
  'Анна Смирнова,RU,ru,Europe/Moscow,vk,anna.smirnova,,80000,12000,3.1,anna@example.ru,yoga',
  'Jess Park,US,en,America/Los_Angeles,instagram,@jesspark,https://instagram.com/jesspark,250000,60000,3.1,jess@example.com,wellness',
].join('\n');

const ROSTER_LIMIT = 2 * 1024 * 1024;

/** Imports a roster CSV; a refused file lists every line at fault and nothing is imported. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const inputId = useId();
  const formId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [imported, setImported] = useState<number | null>(null);

  const upload = useMutation({
    mutationFn: (csv: File) =>
      sendRaw<{ imported: number; creators: Creator[] }>('/api/creators/import', csv, 'text/csv', locale),
    onSuccess: (result) => {
      setImported(result.imported);
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: creatorKeys.roster });
    },
  });
  const lines = importLineErrors(upload.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setLocalError(t('creators.import.chooseFile'));
      return;
    }
    if (file.size > ROSTER_LIMIT) {
      setLocalError(t('creators.import.tooLarge', { size: fileSize(t, ROSTER_LIMIT, locale) }));
      return;
    }
    setLocalError(null);
    setImported(null);
    upload.mutate(file);
  };

  return (
    <Modal
      title={t('creators.import.title')}
      description={t('creators.import.description')}
      onClose={onClose}
      size="lg"
      footer={
        <>
          <Button onClick={onClose}>
            {imported === null ? t('common.cancel') : t('creators.import.done')}
          </Button>
          <Button type="submit" form={formId} variant="primary" pending={upload.isPending} disabled={!file}>
            <UploadIcon />
            {t('creators.import.submit')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        {imported !== null ? (
          <Notice tone="success">{t('creators.import.success', { count: imported })}</Notice>
        ) : null}
        {upload.error ? (
          <div className="cr-import-errors">
            <ErrorAlert error={upload.error} title={t('creators.import.refused')} />
            {lines.length ? (
              <ul className="cr-line-errors" aria-label={t('creators.import.lineErrors')}>
                {lines.map((line) => (
                  <li key={`${line.line}:${line.message}`}>
                    <span className="cr-line-no">{t('creators.import.line', { line: line.line })}</span>
                    <span>{line.message}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {localError ? <p className="field-error">{localError}</p> : null}

        <label className="cr-dropzone" htmlFor={inputId}>
          <FileIcon width={22} height={22} />
          <span className="cr-dropzone-text">
            {file ? (
              <>
                <strong>{file.name}</strong> · {fileSize(t, file.size, locale)}
              </>
            ) : (
              t('creators.import.pick')
            )}
          </span>
          <span className="cr-dropzone-hint">{t('creators.import.pickHint')}</span>
          <input
            id={inputId}
            className="cr-file-input"
            type="file"
            accept=".csv,text/csv"
            aria-label={t('creators.import.fileLabel')}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setLocalError(null);
              upload.reset();
            }}
          />
        </label>

        <div className="cr-columns">
          <div className="cr-columns-head">
            <h3 className="cr-subtitle">{t('creators.import.columnsTitle')}</h3>
            <a
              className="button button-ghost button-sm"
              href={`data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATE}`)}`}
              download="tandem-creators.csv"
            >
              <DownloadIcon />
              {t('creators.import.template')}
            </a>
          </div>
          <table className="cr-doc-table">
            <thead>
              <tr>
                <th scope="col">{t('creators.import.column')}</th>
                <th scope="col">{t('creators.import.meaning')}</th>
                <th scope="col">{t('creators.import.example')}</th>
              </tr>
            </thead>
            <tbody>
              {COLUMNS.map((column) => (
                <tr key={column.name}>
                  <td>
                    <code>{column.name}</code>
                    {column.required ? (
                      <span className="cr-required">{t('creators.import.required')}</span>
                    ) : null}
                  </td>
                  <td>{t(`creators.import.col.${column.name}` as MessageKey)}</td>
                  <td className="cr-example">{column.example}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="cr-notes">
            <li>{t('creators.import.noteRows')}</li>
            <li>{t('creators.import.noteFormat')}</li>
            <li>{t('creators.import.noteAtomic')}</li>
          </ul>
        </div>
      </form>
    </Modal>
  );
}
