import { safeHref } from '../../../shared/links.ts';
import type { Channel } from '../../api/creators.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { compactNumber, plainNumber, platformLabel } from './labels.ts';

const MARKS: Record<string, string> = {
  instagram: 'IG',
  tiktok: 'TT',
  youtube: 'YT',
  telegram: 'TG',
  vk: 'VK',
  other: '•',
};

export function PlatformMark({ platform }: { platform: string }) {
  const t = useT();
  return (
    <span className={`cr-platform cr-platform-${platform}`} title={platformLabel(t, platform)}>
      <span aria-hidden="true">{MARKS[platform] ?? '•'}</span>
      <span className="visually-hidden">{platformLabel(t, platform)}</span>
    </span>
  );
}

/** A creator's channels: platform, handle (linked when a URL is known), followers and ER. */
export function ChannelList({
  channels,
  compact = false,
}: {
  channels: readonly Channel[];
  compact?: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  if (channels.length === 0) return <span className="muted">—</span>;
  return (
    <ul className={`cr-channels${compact ? ' cr-channels-compact' : ''}`}>
      {channels.map((channel) => (
        <li key={`${channel.platform}:${channel.handle}`} className="cr-channel">
          <PlatformMark platform={channel.platform} />
          {safeHref(channel.url) ? (
            <a href={safeHref(channel.url)} target="_blank" rel="noreferrer noopener" className="cr-handle">
              {channel.handle}
            </a>
          ) : (
            <span className="cr-handle">{channel.handle}</span>
          )}
          {channel.followers !== undefined ||
          channel.engagementRate !== undefined ||
          channel.averageViews !== undefined ? (
            <span className="cr-channel-metrics">
              {channel.followers !== undefined ? (
                <span className="cr-metric" title={t('creators.followersTitle')}>
                  {t('creators.followers', { value: compactNumber(channel.followers, locale) })}
                </span>
              ) : null}
              {channel.engagementRate !== undefined ? (
                <span className="cr-metric" title={t('creators.erTitle')}>
                  {t('creators.er', { value: plainNumber(channel.engagementRate, locale) })}
                </span>
              ) : null}
              {!compact && channel.averageViews !== undefined ? (
                <span className="cr-metric" title={t('creators.viewsTitle')}>
                  {t('creators.views', { value: compactNumber(channel.averageViews, locale) })}
                </span>
              ) : null}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
