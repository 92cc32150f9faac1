import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import {
  type Agreement,
  type EngagementDetail,
  generateAgreement,
  sendAgreement,
  sendRaw,
} from '../../api/creators.ts';
import type { User } from '../../api/types.ts';
import { DownloadIcon, FileIcon, LockIcon, PrintIcon, UploadIcon } from '../../components/icons.tsx';
import { Badge, Button, ErrorAlert, Select } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { formatInstant } from '../../time/format.ts';
import { Section } from './bits.tsx';
import { refreshEngagement } from './conflict.ts';
import { fileSize, languageName } from './labels.ts';

const STATUS_TONE = { draft: 'neutral', sent: 'warning', signed: 'success', superseded: 'neutral' } as const;

/** The signed record: who, when, from where, how. Shown as locked: a signed version never changes. */
export function SignedRecord({
  agreement,
  zone,
}: {
  agreement: Omit<Agreement, 'signedIp'> & { signedIp?: string | null };
  zone: string;
}) {
  const t = useT();
  const [locale] = useLocale();
  if (agreement.status !== 'signed' || !agreement.signedAt) return null;
  return (
    <div className="cr-signed" role="note">
      <LockIcon className="cr-signed-icon" />
      <div>
        <p className="cr-signed-title">
          {agreement.signedMethod === 'uploaded_pdf'
            ? t('agreementUi.signedOnPaper')
            : t('agreementUi.signedBy', { name: agreement.signedName ?? '—' })}
        </p>
        <p className="cr-signed-meta">
          {[
            formatInstant(agreement.signedAt, zone, locale, true),
            agreement.signedIp ? t('agreementUi.signedFrom', { ip: agreement.signedIp }) : null,
            agreement.signedMethod === 'portal'
              ? t('agreementUi.method.portal')
              : t('agreementUi.uploadedBy', { name: agreement.signedName ?? '—' }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>
    </div>
  );
}

/** Agreement versions: generate from the engagement's terms, read, send, print, record the signature. */
export function AgreementsSection({
  engagement,
  me,
  canEdit,
}: {
  engagement: EngagementDetail;
  me: User;
  canEdit: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState(engagement.creator.language);
  const languageId = useId();
  const refresh = () => refreshEngagement(queryClient, engagement.campaignId, engagement.id);

  const generate = useMutation({
    mutationFn: () => generateAgreement(engagement.id, language),
    onSuccess: refresh,
  });
  const agreements = engagement.agreements;
  const signed = agreements.find((a) => a.status === 'signed');
  const languages = [...new Set([engagement.creator.language, 'ru', 'en'])];

  return (
    <Section
      title={t('agreementUi.title')}
      description={signed ? t('agreementUi.descriptionSigned') : t('agreementUi.description')}
      actions={
        canEdit ? (
          <div className="cr-generate">
            <label className="visually-hidden" htmlFor={languageId}>
              {t('agreementUi.language')}
            </label>
            <Select
              id={languageId}
              value={language}
              onChange={(e) => setLanguage(e.target.value)}
              className="cr-select-sm"
            >
              {languages.map((code) => (
                <option key={code} value={code}>
                  {languageName(code, locale)}
                </option>
              ))}
            </Select>
            <Button size="sm" onClick={() => generate.mutate()} pending={generate.isPending}>
              <FileIcon />
              {agreements.length ? t('agreementUi.generateNew') : t('agreementUi.generate')}
            </Button>
          </div>
        ) : null
      }
    >
      <ErrorAlert error={generate.error} />
      {agreements.length === 0 ? (
        <p className="muted">{t('agreementUi.none')}</p>
      ) : (
        <ul className="cr-agreements">
          {agreements.map((agreement, index) => (
            <AgreementItem
              key={agreement.id}
              agreement={agreement}
              me={me}
              canEdit={canEdit}
              defaultOpen={index === 0 && agreement.status === 'draft'}
              onChanged={refresh}
            />
          ))}
        </ul>
      )}
    </Section>
  );
}

function AgreementItem({
  agreement,
  me,
  canEdit,
  defaultOpen,
  onChanged,
}: {
  agreement: Agreement;
  me: User;
  canEdit: boolean;
  defaultOpen: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const t = useT();
  const [locale] = useLocale();
  const [open, setOpen] = useState(defaultOpen);
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => sendAgreement(agreement.id),
    onSuccess: onChanged,
  });
  const upload = useMutation({
    mutationFn: (file: File) =>
      sendRaw<Agreement>(`/api/agreements/${agreement.id}/signed-pdf`, file, 'application/pdf', locale, {
        'x-file-name': encodeURIComponent(file.name),
      }),
    onSuccess: onChanged,
  });
  const bodyId = useId();
  const when = (iso: string) => formatInstant(iso, me.timeZone, locale);
  const superseded = agreement.status === 'superseded';

  const pick = (file: File | undefined) => {
    if (!file) return;
    setFileError(null);
    const isPdf = file.type === 'application/pdf' || (!file.type && file.name.toLowerCase().endsWith('.pdf'));
    if (!isPdf) {
      setFileError(t('agreementUi.pdfOnly'));
      return;
    }
    if (file.size > 25 * 1024 * 1024) {
      setFileError(t('portal.upload.tooLarge', { size: fileSize(t, 25 * 1024 * 1024, locale) }));
      return;
    }
    upload.mutate(file);
  };

  return (
    <li className={`cr-agreement${superseded ? ' cr-agreement-old' : ''}`} data-status={agreement.status}>
      <div className="cr-agreement-head">
        <div className="cr-agreement-title">
          {agreement.status === 'signed' ? <LockIcon className="cr-lock" /> : <FileIcon className="cr-doc" />}
          <span className="cell-primary">{t('agreementUi.version', { version: agreement.version })}</span>
          <span className="muted">{languageName(agreement.language, locale)}</span>
          <Badge tone={STATUS_TONE[agreement.status]}>{t(`agreementUi.status.${agreement.status}`)}</Badge>
        </div>
        <div className="cr-agreement-actions">
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={bodyId}
          >
            {open ? t('agreementUi.hide') : t('agreementUi.view')}
          </Button>
          <a
            className="button button-ghost button-sm"
            href={`/api/agreements/${agreement.id}/print`}
            target="_blank"
            rel="noreferrer"
          >
            <PrintIcon />
            {t('agreementUi.print')}
          </a>
          {agreement.hasSignedPdf ? (
            <a
              className="button button-ghost button-sm"
              href={`/api/agreements/${agreement.id}/signed-pdf`}
              target="_blank"
              rel="noreferrer"
            >
              <DownloadIcon />
              {t('agreementUi.signedPdf')}
            </a>
          ) : null}
          {canEdit && agreement.status === 'draft' ? (
            <Button size="sm" variant="primary" onClick={() => send.mutate()} pending={send.isPending}>
              {t('agreementUi.send')}
            </Button>
          ) : null}
          {canEdit && agreement.status === 'sent' ? (
            <>
              <input
                ref={fileRef}
                type="file"
                accept="application/pdf,.pdf"
                className="visually-hidden"
                tabIndex={-1}
                aria-label={t('agreementUi.uploadSigned')}
                onChange={(event) => {
                  pick(event.target.files?.[0]);
                  event.target.value = '';
                }}
              />
              <Button size="sm" onClick={() => fileRef.current?.click()} pending={upload.isPending}>
                <UploadIcon />
                {t('agreementUi.uploadSigned')}
              </Button>
            </>
          ) : null}
        </div>
      </div>
      <p className="cr-agreement-meta">
        {[
          t('agreementUi.generatedAt', { when: when(agreement.createdAt) }),
          agreement.sentAt ? t('agreementUi.sentAt', { when: when(agreement.sentAt) }) : null,
          agreement.status === 'sent' ? t('agreementUi.awaiting') : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <ErrorAlert error={send.error ?? upload.error} />
      {fileError ? <p className="field-error">{fileError}</p> : null}
      <SignedRecord agreement={agreement} zone={me.timeZone} />
      {open ? (
        <pre id={bodyId} className="cr-agreement-body" lang={agreement.language}>
          {agreement.body}
        </pre>
      ) : null}
    </li>
  );
}
