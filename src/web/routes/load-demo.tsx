import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type LoadedDemo, loadDemo } from '../api/campaigns.ts';
import { Dialog } from '../components/dialog.tsx';
import { Button, CopyField, ErrorAlert } from '../components/ui.tsx';
import { useT } from '../i18n/locale.tsx';
import { Link } from '../router/router.tsx';

/** Mirrors the server's rule (admins load the demo); the server decides. */
export const mayLoadDemo = (role: string) => role === 'owner' || role === 'admin';

/**
 * Loads the demo workspace. The page keeps what it returns (the button disappears with the empty
 * list once the campaign exists) and shows it in DemoLoadedDialog.
 */
export function LoadDemoButton({ onLoaded }: { onLoaded: (demo: LoadedDemo) => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const load = useMutation({
    mutationFn: loadDemo,
    onSuccess: (demo) => {
      onLoaded(demo);
      void queryClient.invalidateQueries();
    },
  });
  return (
    <>
      <Button variant="secondary" onClick={() => load.mutate()} disabled={load.isPending}>
        {load.isPending ? t('demo.loading') : t('demo.load')}
      </Button>
      <ErrorAlert error={load.error} />
    </>
  );
}

/** How to sign in as each of the demo's people, shown once (the passwords are kept nowhere else). */
export function DemoLoadedDialog({ loaded, onClose }: { loaded: LoadedDemo; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog
      title={t('demo.loadedTitle')}
      description={t('demo.loadedText')}
      onClose={onClose}
      size="lg"
      footer={
        <Link to={`/campaigns/${loaded.campaignId}/brief`} className="button button-primary">
          {t('demo.open')}
        </Link>
      }
    >
      <ul className="demo-people">
        {loaded.people.map((person) => (
          <li key={person.id} className="demo-person">
            <strong>{person.name}</strong>{' '}
            <span className="muted">
              {t(`common.role.${person.role}` as Parameters<typeof t>[0])}
              {person.marketCodes.length ? ` · ${person.marketCodes.join(', ')}` : ''}
            </span>
            <CopyField value={person.email} label={t('demo.email', { name: person.name })} />
            <CopyField value={person.password} label={t('demo.password', { name: person.name })} />
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
