import type { Locale } from '../../shared/i18n/index.ts';
import { translate } from '../../shared/i18n/index.ts';
import { escapeHtml } from '../http/html.ts';
import type { MailMessage } from './message.ts';
import { appLink } from './settings.ts';
import { newMessageId } from './transport.ts';

/** The web app's notification settings page (src/web/routes/notifications/bell.tsx). */
const NOTIFICATION_SETTINGS_PATH = '/settings/notifications';

export interface MailContent {
  locale: Locale;
  to: { name: string; address: string };
  subject: string;
  /** The first line of the message, in bold in HTML. */
  heading: string;
  paragraphs: string[];
  /** A list of separate things (the daily digest), each with its own link. */
  items?: Array<{ title: string; body: string; url: string }>;
  /** Label/value pairs shown as a small table (role, campaign, times…). */
  details?: Array<{ label: string; value: string }>;
  /** The one thing to do, as a button in HTML and a bare link in text. */
  action?: { label: string; url: string };
  /** Why this person got the message (a sentence for the footer). */
  reason: string;
  /** Account holders get a link to their notification settings; invitees have none yet. */
  settingsLink?: boolean;
  messageId?: string;
  attachments?: MailMessage['attachments'];
  calendar?: MailMessage['calendar'];
}

// Inline styles only: many mail clients drop <style> blocks. Light, brand-neutral, 560 px wide.
const S = {
  body: 'margin:0;padding:0;background:#f4f5f7;',
  outer: 'width:100%;background:#f4f5f7;padding:24px 0;',
  card: 'max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e3e5e8;border-radius:8px;padding:32px;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2328;font-size:15px;line-height:1.5;',
  heading: 'margin:0 0 16px;font-size:20px;line-height:1.3;font-weight:600;color:#1f2328;',
  p: 'margin:0 0 12px;',
  table: 'border-collapse:collapse;margin:8px 0 16px;font-size:14px;',
  label: 'padding:4px 16px 4px 0;color:#59636e;vertical-align:top;white-space:nowrap;',
  value: 'padding:4px 0;color:#1f2328;vertical-align:top;',
  button:
    'display:inline-block;background:#2f5bd3;color:#ffffff;text-decoration:none;font-weight:600;padding:10px 20px;border-radius:6px;',
  fallback: 'margin:16px 0 0;font-size:13px;color:#59636e;word-break:break-all;',
  footer:
    'max-width:560px;margin:16px auto 0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:12px;line-height:1.5;color:#59636e;padding:0 32px;',
  link: 'color:#2f5bd3;',
  item: 'padding:12px 0;border-top:1px solid #e3e5e8;',
  itemTitle: 'color:#1f2328;font-weight:600;text-decoration:none;',
  itemBody: 'color:#59636e;font-size:14px;margin-top:2px;',
} as const;

/** One layout for every message: multipart text and HTML, in the recipient's language. */
export function composeMail(content: MailContent): MailMessage {
  const { locale } = content;
  const t = (key: Parameters<typeof translate>[1], values?: Parameters<typeof translate>[2]) =>
    translate(locale, key, values);
  const settingsUrl = appLink(NOTIFICATION_SETTINGS_PATH);
  const footerLines = [
    content.reason,
    ...(content.settingsLink ? [t('mail.footer.settings', { url: settingsUrl })] : []),
    t('mail.footer.sentBy'),
  ];

  const text = [
    t('mail.greeting', { name: content.to.name }),
    '',
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.items ?? []).flatMap((item) => [`* ${item.title}`, `  ${item.body}`, `  ${item.url}`, '']),
    ...(content.details?.length ? [...content.details.map((d) => `${d.label}: ${d.value}`), ''] : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    '-- ',
    ...footerLines,
  ].join('\n');

  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(content.subject)}</title></head>
<body style="${S.body}"><div style="${S.outer}">
<div style="${S.card}">
<p style="${S.p}">${e(t('mail.greeting', { name: content.to.name }))}</p>
<h1 style="${S.heading}">${e(content.heading)}</h1>
${content.paragraphs.map((p) => `<p style="${S.p}">${e(p)}</p>`).join('\n')}
${(content.items ?? [])
  .map(
    (item) =>
      `<div style="${S.item}"><a href="${e(item.url)}" style="${S.itemTitle}">${e(item.title)}</a><div style="${S.itemBody}">${e(item.body)}</div></div>`,
  )
  .join('\n')}
${
  content.details?.length
    ? `<table role="presentation" style="${S.table}">${content.details
        .map(
          (d) =>
            `<tr><td style="${S.label}">${e(d.label)}</td><td style="${S.value}">${e(d.value)}</td></tr>`,
        )
        .join('')}</table>`
    : ''
}
${
  content.action
    ? `<p style="margin:24px 0 0;"><a href="${e(content.action.url)}" style="${S.button}">${e(content.action.label)}</a></p>
<p style="${S.fallback}">${e(t('mail.linkFallback'))}<br><a href="${e(content.action.url)}" style="${S.link}">${e(content.action.url)}</a></p>`
    : ''
}
</div>
<div style="${S.footer}">
<p style="margin:0 0 4px;">${e(content.reason)}</p>
${
  content.settingsLink
    ? `<p style="margin:0 0 4px;"><a href="${e(settingsUrl)}" style="${S.link}">${e(t('mail.footer.settingsLink'))}</a></p>`
    : ''
}
<p style="margin:0;">${e(t('mail.footer.sentBy'))}</p>
</div>
</div></body></html>`;

  return {
    messageId: content.messageId ?? newMessageId(),
    to: content.to,
    subject: content.subject,
    text,
    html,
    headers: { 'Content-Language': locale },
    attachments: content.attachments ?? [],
    calendar: content.calendar,
  };
}
