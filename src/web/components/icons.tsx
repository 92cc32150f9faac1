import type { SVGProps } from 'react';
import type { TaskStatus } from '../api/tracker.ts';

// Every icon of the app, 20×20 strokes drawn for it (decorative: hidden from screen readers). Pages
// import them from here and size them with `width`/`height`; no screen area draws its own.

export type IconProps = SVGProps<SVGSVGElement>;

/** The frame every icon is drawn in (18×18 unless `width`/`height` say otherwise). */
export function Icon({ children, ...props }: IconProps) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export const CampaignIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M3 8.5v3a1 1 0 0 0 1 1h2l6 3.5V4L6 7.5H4a1 1 0 0 0-1 1Z" />
    <path d="M15 7.5a3 3 0 0 1 0 5" />
  </Icon>
);

export const AuditIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="10" cy="10" r="7" />
    <path d="M10 6v4l2.5 2" />
  </Icon>
);

export const TeamIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="7.5" cy="7" r="2.8" />
    <path d="M2.5 16c.6-2.6 2.6-4 5-4s4.4 1.4 5 4" />
    <path d="M13 4.6a2.6 2.6 0 0 1 0 5" />
    <path d="M14.5 12.3c1.5.5 2.6 1.7 3 3.7" />
  </Icon>
);

export const KeyIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="7" cy="13" r="3.5" />
    <path d="m9.5 10.5 7-7M14 6l2 2M12 8l1.5 1.5" />
  </Icon>
);

export const UserIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="10" cy="7" r="3.2" />
    <path d="M3.5 17c.8-3 3.3-4.6 6.5-4.6s5.7 1.6 6.5 4.6" />
  </Icon>
);

export const SignOutIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M8 4H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3" />
    <path d="M12 13.5 15.5 10 12 6.5M15.5 10H8" />
  </Icon>
);

export const GlobeIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="10" cy="10" r="7" />
    <path d="M3 10h14M10 3c2 2.2 2.8 4.5 2.8 7s-.8 4.8-2.8 7c-2-2.2-2.8-4.5-2.8-7S8 5.2 10 3Z" />
  </Icon>
);

export const CopyIcon = (props: IconProps) => (
  <Icon {...props}>
    <rect x="7" y="7" width="9" height="9" rx="1.5" />
    <path d="M13 4.5V4a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5" />
  </Icon>
);

export const CheckIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="m4.5 10.5 3.5 3.5 7.5-8" />
  </Icon>
);

export const ChevronIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="m6 8 4 4 4-4" />
  </Icon>
);

export const SearchIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="9" cy="9" r="5.5" />
    <path d="m13.2 13.2 3.3 3.3" />
  </Icon>
);

export const AlertIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="10" cy="10" r="7" />
    <path d="M10 6.5v4.2M10 13.4v.1" />
  </Icon>
);

export const EyeIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M2.5 10S5 4.8 10 4.8 17.5 10 17.5 10 15 15.2 10 15.2 2.5 10 2.5 10Z" />
    <circle cx="10" cy="10" r="2.3" />
  </Icon>
);

export const EyeOffIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M8.2 5c.6-.1 1.2-.2 1.8-.2 5 0 7.5 5.2 7.5 5.2s-.7 1.5-2.1 2.9M5.3 6.3C3.5 7.6 2.5 10 2.5 10S5 15.2 10 15.2c1.6 0 2.9-.5 4-1.2" />
    <path d="M8.4 8.4a2.3 2.3 0 0 0 3.2 3.2M3 3l14 14" />
  </Icon>
);

export const PlusIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M10 4.5v11M4.5 10h11" />
  </Icon>
);

export const SettingsIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M3.5 6h7M14.5 6h2M3.5 14h2M9.5 14h7" />
    <circle cx="12.5" cy="6" r="2" />
    <circle cx="7.5" cy="14" r="2" />
  </Icon>
);

export const HistoryIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M3.5 10a6.5 6.5 0 1 0 1.9-4.6L3.5 7.3" />
    <path d="M3.5 3.5v3.8h3.8M10 6.5V10l2.5 1.5" />
  </Icon>
);

export const PrintIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M6 7.5V3.5h8v4M6 14H4.5a1 1 0 0 1-1-1V8.5a1 1 0 0 1 1-1h11a1 1 0 0 1 1 1V13a1 1 0 0 1-1 1H14" />
    <path d="M6 11.5h8v5H6z" />
  </Icon>
);

export const DownloadIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M10 3.5v9M6.5 9 10 12.5 13.5 9M4 16.5h12" />
  </Icon>
);

export const PencilIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="m12.8 4.2 3 3L7.5 15.5l-3.6.6.6-3.6 8.3-8.3Z" />
  </Icon>
);

export const CompareIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M7 3.5v13M13 3.5v13M3.5 7H7M13 13h3.5M3.5 13H7M13 7h3.5" />
  </Icon>
);

export const TasksIcon = (props: IconProps) => (
  <Icon {...props}>
    <rect x="3.5" y="3.5" width="13" height="13" rx="3" />
    <path d="m6.8 10.2 2.2 2.2 4.2-4.6" />
  </Icon>
);

export const FlagIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M4.5 17V3.5M4.5 4h9l-2 3.5 2 3.5h-9" />
  </Icon>
);

export const BellIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M5 13.5V9a5 5 0 0 1 10 0v4.5l1.5 1.5h-13L5 13.5Z" />
    <path d="M8.2 17a2 2 0 0 0 3.6 0" />
  </Icon>
);

export const LogoMark = (props: IconProps) => (
  <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false" {...props}>
    <rect width="28" height="28" rx="8" fill="var(--accent)" />
    <circle cx="11" cy="14" r="5.2" fill="none" stroke="#fff" strokeWidth="2" />
    <circle cx="17" cy="14" r="5.2" fill="none" stroke="#fff" strokeWidth="2" opacity=".75" />
  </svg>
);

export const MenuIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M3.5 6h13M3.5 10h13M3.5 14h13" />
  </Icon>
);

export const CalendarIcon = (props: IconProps) => (
  <Icon {...props}>
    <rect x="3" y="4.5" width="14" height="12.5" rx="2" />
    <path d="M3 8.5h14M7 2.5v4M13 2.5v4" />
  </Icon>
);

export const ClockIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="10" cy="10" r="7" />
    <path d="M10 6v4l2.5 1.5" />
  </Icon>
);

export const UploadIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M10 13V3.5M6 7l4-4 4 4" />
    <path d="M3.5 13.5v2a1.5 1.5 0 0 0 1.5 1.5h10a1.5 1.5 0 0 0 1.5-1.5v-2" />
  </Icon>
);

export const InfoIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="10" cy="10" r="7" />
    <path d="M10 9v4.5M10 6.5v.01" />
  </Icon>
);

export const WarningIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M10 3.5 17 16H3L10 3.5Z" />
    <path d="M10 8.5v3.2M10 14h.01" />
  </Icon>
);

export const PeopleIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="7.5" cy="7" r="2.7" />
    <path d="M2.5 16c.6-2.6 2.6-4 5-4s4.4 1.4 5 4" />
    <path d="M13 4.6a2.7 2.7 0 0 1 0 4.9M14.5 12.2c1.5.5 2.6 1.8 3 3.8" />
  </Icon>
);

export const ChartIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M3 16.5h14" />
    <path d="M5.5 13V9.5M9.5 13V5.5M13.5 13v-5" />
  </Icon>
);

export const TranslateIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M3 5h7M6.5 3.5V5c0 3-1.8 5.5-4 6.5M5 8c.8 1.6 2.2 2.8 4 3.5" />
    <path d="M10.5 16.5 13.5 9l3 7.5M11.5 14h4" />
  </Icon>
);

export const ArrowLeftIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M15.5 10h-11M8.5 6 4.5 10l4 4" />
  </Icon>
);

/** Two chevrons, the one of the current direction drawn solid. */
export const SortIcon = ({ sorted, ...props }: IconProps & { sorted: 'asc' | 'desc' | null }) => (
  <Icon width={12} height={12} {...props}>
    <path d="M6 8l4-4 4 4" opacity={sorted === 'asc' ? 1 : 0.35} />
    <path d="M6 12l4 4 4-4" opacity={sorted === 'desc' ? 1 : 0.35} />
  </Icon>
);

export const CreatorsIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M10 3.2l1.9 3.9 4.3.6-3.1 3 .7 4.3L10 13l-3.8 2 .7-4.3-3.1-3 4.3-.6L10 3.2Z" />
  </Icon>
);

export const PortalIcon = (props: IconProps) => (
  <Icon {...props}>
    <rect x="3" y="4" width="14" height="12" rx="2" />
    <path d="M3 8h14M7 12h3" />
  </Icon>
);

export const LockIcon = (props: IconProps) => (
  <Icon {...props}>
    <rect x="4.5" y="9" width="11" height="8" rx="1.5" />
    <path d="M7 9V6.5a3 3 0 0 1 6 0V9" />
  </Icon>
);

export const LinkIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M8.5 11.5a3 3 0 0 0 4.2 0l2.6-2.6a3 3 0 0 0-4.2-4.2l-.9.9" />
    <path d="M11.5 8.5a3 3 0 0 0-4.2 0l-2.6 2.6a3 3 0 0 0 4.2 4.2l.9-.9" />
  </Icon>
);

export const FileIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M5.5 2.5h6l3.5 3.5v11.5h-9.5z" />
    <path d="M11.5 2.5V6H15" />
  </Icon>
);

export const MailIcon = (props: IconProps) => (
  <Icon {...props}>
    <rect x="3" y="4.5" width="14" height="11" rx="1.5" />
    <path d="m3.5 5.5 6.5 5 6.5-5" />
  </Icon>
);

export const TrashIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M4 5.5h12M8 5.5V4h4v1.5M5.5 5.5l.7 11h7.6l.7-11" />
  </Icon>
);

export const WebhookIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="6" cy="14" r="2.2" />
    <circle cx="14" cy="14" r="2.2" />
    <circle cx="10" cy="5.5" r="2.2" />
    <path d="M9 7.5 6.8 12M11 7.5l2.2 4.5M8.2 14h3.6" />
  </Icon>
);

/** A task's status, Linear-style on its own 14×14 grid: dashed (to do), half, three-quarter, bar (blocked), filled tick (done). */
export function StatusIcon({ status, className }: { status: TaskStatus; className?: string }) {
  return (
    <svg
      className={`status-icon status-icon-${status}${className ? ` ${className}` : ''}`}
      width="14"
      height="14"
      viewBox="0 0 14 14"
      aria-hidden="true"
      focusable="false"
    >
      <circle
        cx="7"
        cy="7"
        r="5.6"
        fill={status === 'done' ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.5"
        strokeDasharray={status === 'todo' ? '2.2 1.6' : undefined}
      />
      {status === 'in_progress' ? <path d="M7 3.2a3.8 3.8 0 0 1 0 7.6Z" fill="currentColor" /> : null}
      {status === 'in_review' ? <path d="M7 3.2a3.8 3.8 0 1 1-3.8 3.8H7Z" fill="currentColor" /> : null}
      {status === 'blocked' ? (
        <path d="M4.6 7h4.8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      ) : null}
      {status === 'done' ? (
        <path
          d="m4.6 7.1 1.7 1.7 3.2-3.4"
          fill="none"
          stroke="var(--surface)"
          strokeWidth="1.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ) : null}
    </svg>
  );
}
