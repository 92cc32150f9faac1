import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { creatorKeys, type PortalEngagement, postFromPortal } from '../../api/creators.ts';
import { Button, ErrorAlert } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { zonedLabel } from '../../time/format.ts';
import { Modal, Section } from '../creators/bits.tsx';
import { checkPost, newPostDraft, PostFields, postBody } from '../creators/commitment.tsx';

/**
 * "I have posted": once the draft is approved the creator records their own post (link and the
 * time it went live, in their zone) with `POST /api/portal/engagements/:id/live`; afterwards the
 * recorded post is shown.
 */
export function PortalPost({ engagement }: { engagement: PortalEngagement }) {
  const t = useT();
  const [locale] = useLocale();
  const [open, setOpen] = useState(false);
  const post = engagement.post;
  const approved =
    engagement.status === 'approved' || engagement.submissions.some((s) => s.decision === 'approved');
  if (!post && !approved) return null;
  return (
    <Section
      title={t('commitUi.portal.yourPost')}
      actions={
        post ? null : (
          <Button variant="primary" onClick={() => setOpen(true)}>
            {t('commitUi.portal.posted')}
          </Button>
        )
      }
    >
      {post ? (
        <p className="cr-cm-facts" data-testid="portal-post">
          <a href={post.url} target="_blank" rel="noreferrer noopener" className="cr-cm-post-link">
            {t('commitUi.post.open')} ↗
          </a>{' '}
          <span className="cr-cm-time">
            {post.postedLocal ? zonedLabel(post.postedLocal, locale) : post.postedAt}
          </span>
        </p>
      ) : (
        <p className="muted">{t('commitUi.portal.description')}</p>
      )}
      {open ? <PostDialog engagement={engagement} onClose={() => setOpen(false)} /> : null}
    </Section>
  );
}

function PostDialog({ engagement, onClose }: { engagement: PortalEngagement; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const formId = useId();
  const zone = engagement.timeZone;
  const [draft, setDraft] = useState(() => newPostDraft(zone));
  const [errors, setErrors] = useState<{ url?: string; at?: string }>({});
  const send = useMutation({
    mutationFn: () => postFromPortal(engagement.id, postBody(draft, zone)),
    onSuccess: (updated) => {
      queryClient.setQueryData(creatorKeys.portalEngagement(engagement.id), updated);
      void queryClient.invalidateQueries({ queryKey: creatorKeys.portal });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkPost(t, draft, zone);
    setErrors(found);
    if (found.url || found.at) return;
    send.mutate();
  };
  return (
    <Modal
      title={t('commitUi.portal.title')}
      description={t('commitUi.portal.description')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" pending={send.isPending}>
            {t('commitUi.portal.submit')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={send.error} />
        <PostFields draft={draft} onChange={setDraft} zone={zone} errors={errors} />
      </form>
    </Modal>
  );
}
