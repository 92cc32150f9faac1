// The signed-in person's notifications and notification settings: response types, query keys,
// queries and the mutations that mark read or save settings.
import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { NotificationGroup, NotificationKind } from '../../server/modules/notifications/kinds.ts';
import { api } from './client.ts';

export type { NotificationGroup, NotificationKind };

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  /** Already in the reader's language, instants in the reader's zone (and the market's). */
  title: string;
  body: string;
  /** A path inside the app. */
  link: string;
  createdAt: string;
  readAt: string | null;
  urgent: boolean;
  campaignId: string | null;
  marketCode: string | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  unreadCount: number;
  nextCursor: string | null;
}

export interface KindSetting {
  inApp: boolean;
  email: boolean;
}

export interface KindEntry {
  kind: NotificationKind;
  group: NotificationGroup;
  urgent: boolean;
  audience: 'team' | 'creator';
  default: KindSetting;
}

export interface NotificationSettings {
  kinds: Partial<Record<NotificationKind, KindSetting>>;
  digest: 'off' | 'daily';
  emailAvailable: boolean;
  catalogue: KindEntry[];
}

export type SettingsInput = Pick<NotificationSettings, 'kinds' | 'digest'>;

/** Everything under `['notifications']`, so one invalidation refreshes the bell and the inbox. */
export const notificationKeys = {
  all: ['notifications'] as const,
  latest: ['notifications', 'latest'] as const,
  list: (unread: boolean) => ['notifications', 'list', { unread }] as const,
  settings: ['me', 'notification-settings'] as const,
};

/** How many the bell's popover shows. */
export const LATEST_LIMIT = 10;
const PAGE_SIZE = 30;

/** The latest few for the bell, and the unread count that its badge shows. */
export const latestNotificationsQuery = queryOptions({
  queryKey: notificationKeys.latest,
  queryFn: ({ signal }) =>
    api<NotificationPage>('GET', '/api/notifications', { query: { limit: LATEST_LIMIT }, signal }),
});

/** The inbox: every notification (or the unread ones), newest first, one cursor page at a time. */
export const notificationListQuery = (unread: boolean) =>
  infiniteQueryOptions({
    queryKey: notificationKeys.list(unread),
    queryFn: ({ signal, pageParam }) =>
      api<NotificationPage>('GET', '/api/notifications', {
        query: { limit: PAGE_SIZE, unread: unread ? 'true' : undefined, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const notificationSettingsQuery = queryOptions({
  queryKey: notificationKeys.settings,
  queryFn: ({ signal }) => api<NotificationSettings>('GET', '/api/me/notification-settings', { signal }),
});

/** Marks cached notifications read at once; the refetch that follows brings the server's view. */
function markCachedRead(queryClient: QueryClient, ids: readonly string[] | 'all') {
  const at = new Date().toISOString();
  const hit = (item: NotificationItem) => !item.readAt && (ids === 'all' || ids.includes(item.id));
  const lists = [false, true].map((unread) => notificationKeys.list(unread));
  // The unread ones among those marked, wherever they are shown: the bell's count drops by that many.
  const newlyRead = new Set<string>();
  const latest = queryClient.getQueryData<NotificationPage>(notificationKeys.latest);
  for (const item of latest?.items ?? []) if (hit(item)) newlyRead.add(item.id);
  for (const key of lists) {
    const data = queryClient.getQueryData<InfiniteData<NotificationPage>>(key);
    for (const page of data?.pages ?? [])
      for (const item of page.items) if (hit(item)) newlyRead.add(item.id);
  }
  const apply = (page: NotificationPage): NotificationPage => ({
    ...page,
    items: page.items.map((item) => (hit(item) ? { ...item, readAt: at } : item)),
    unreadCount: ids === 'all' ? 0 : Math.max(0, page.unreadCount - newlyRead.size),
  });
  if (latest) queryClient.setQueryData(notificationKeys.latest, apply(latest));
  for (const key of lists) {
    queryClient.setQueryData<InfiniteData<NotificationPage>>(key, (data) =>
      data ? { ...data, pages: data.pages.map(apply) } : data,
    );
  }
}

/** Marks some notifications (or all of them) read; the bell and the inbox update at once. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: readonly string[] | 'all') =>
      api<void>('POST', '/api/notifications/read', {
        body: target === 'all' ? { all: true } : { ids: target },
      }),
    onMutate: async (target) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.all });
      markCachedRead(queryClient, target);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SettingsInput) =>
      api<NotificationSettings>('PUT', '/api/me/notification-settings', { body: input }),
    onSuccess: (settings) => queryClient.setQueryData(notificationKeys.settings, settings),
  });
}
