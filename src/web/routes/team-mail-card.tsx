import { useMutation, useQuery } from '@tanstack/react-query';
import { mailSettingsQuery, sendTestMail } from '../api/team.ts';
import type { User } from '../api/types.ts';
import { Button, Card, ErrorAlert, Notice } from '../components/ui.tsx';
import { useT } from '../i18n/locale.tsx';

/** Admins: whether Tandem sends e-mail at all (SMTP_URL), and a test message to themselves. */
export function MailCard({ me }: { me: User }) {
  const t = useT();
  const settings = useQuery(mailSettingsQuery);
  const test = useMutation({ mutationFn: sendTestMail });
  if (settings.error) return <ErrorAlert error={settings.error} />;
  if (!settings.data) return null;
  const { configured, from, host } = settings.data;
  if (!configured) {
    return (
      <Notice tone="warning">
        <strong>{t('mail.admin.offTitle')}</strong> {t('mail.admin.offText')}
      </Notice>
    );
  }
  return (
    <Card
      title={t('mail.admin.onTitle')}
      description={t('mail.admin.onText', { host: host ?? '', from })}
      actions={
        <Button type="button" pending={test.isPending} onClick={() => test.mutate()}>
          {t('mail.admin.test')}
        </Button>
      }
    >
      <ErrorAlert error={test.error} />
      {test.isSuccess ? (
        <Notice tone="success">{t('mail.admin.testSent', { email: me.email })}</Notice>
      ) : null}
    </Card>
  );
}
