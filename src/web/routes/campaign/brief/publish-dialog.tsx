import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { campaignKeys, publishBrief } from '../../../api/campaigns.ts';
import { Dialog } from '../../../components/dialog.tsx';
import { Button, ErrorAlert, Field } from '../../../components/ui.tsx';
import { useT } from '../../../i18n/locale.tsx';

/** "Publish version": freezes the brief as the next numbered version, with an optional note. */
export function PublishButton({
  campaignId,
  nextVersion,
  staleCount,
  nothingNew,
  onPublished,
}: {
  campaignId: string;
  nextVersion: number;
  staleCount: number;
  nothingNew: boolean;
  onPublished: (version: number) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');

  const publish = useMutation({
    mutationFn: () => publishBrief(campaignId, note.trim() ? { note: note.trim() } : {}),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.brief(campaignId), exact: true });
      void queryClient.invalidateQueries({ queryKey: campaignKeys.versions(campaignId) });
      void queryClient.invalidateQueries({ queryKey: ['campaign', campaignId, 'acknowledgements'] });
      setOpen(false);
      setNote('');
      onPublished(result.version);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    publish.mutate();
  };

  return (
    <>
      <Button
        variant="primary"
        onClick={() => {
          publish.reset();
          setOpen(true);
        }}
      >
        {t('briefUi.publish')}
      </Button>
      {open ? (
        <Dialog
          title={t('briefUi.publishTitle', { version: nextVersion })}
          description={t('briefUi.publishText')}
          onClose={() => setOpen(false)}
          footer={
            <>
              <Button onClick={() => setOpen(false)}>{t('briefUi.cancel')}</Button>
              <Button variant="primary" type="submit" form="publish-form" pending={publish.isPending}>
                {publish.isPending
                  ? t('briefUi.publishing')
                  : t('briefUi.publishConfirm', { version: nextVersion })}
              </Button>
            </>
          }
        >
          <form id="publish-form" className="form" onSubmit={submit} noValidate>
            <ErrorAlert error={publish.error} />
            {nothingNew && !publish.error ? (
              <div className="alert alert-info" role="status">
                <p>{t('briefUi.publishNothingNew')}</p>
              </div>
            ) : null}
            {staleCount > 0 && !nothingNew ? (
              <div className="alert alert-warning" role="status">
                <p>{t('briefUi.publishStale', { count: staleCount })}</p>
              </div>
            ) : null}
            <Field label={t('briefUi.publishNote')} optional hint={t('briefUi.publishNoteHint')}>
              {(control) => (
                <textarea
                  {...control}
                  className="input textarea"
                  rows={3}
                  maxLength={2000}
                  value={note}
                  placeholder={t('briefUi.publishNotePlaceholder')}
                  onChange={(event) => setNote(event.target.value)}
                />
              )}
            </Field>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
