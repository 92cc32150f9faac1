import { useIsMutating, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { notificationKeys } from '../../api/notifications.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { openLiveStream } from '../../live-stream.ts';

/**
 * The signed-in person's own stream (`/api/me/events`, team members and creators alike): a new
 * notification or a change of read state elsewhere (another tab, the e-mail link) refetches the
 * bell and the inbox, so the count moves without polling. After a dropped connection the same
 * queries are refetched, since events may have been missed meanwhile.
 */
export function useNotificationEvents(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    return openLiveStream('/api/me/events', queryClient, {
      onReconnected: refresh,
      onChange: (event) => {
        if (event.type === 'notification' || event.type === 'notifications_read') refresh();
      },
    });
  }, [enabled, queryClient]);
}

/**
 * Titles and bodies arrive written in the profile's language, so after a language switch they are
 * fetched again, once the switch is saved (until then the server still writes the old language).
 */
export function useNotificationsFollowLanguage() {
  const queryClient = useQueryClient();
  const [locale] = useLocale();
  const saving = useIsMutating() > 0;
  const shown = useRef(locale);
  useEffect(() => {
    if (saving || shown.current === locale) return;
    shown.current = locale;
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  }, [locale, saving, queryClient]);
}
