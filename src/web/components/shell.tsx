import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { CataloguePart, MessageKey } from '../../shared/i18n/runtime.ts';
import type { User } from '../api/types.ts';
import { useT } from '../i18n/locale.tsx';
import { roleLabel } from '../labels.ts';
import { Link, useLocation } from '../router/router.tsx';
import { NotificationBell } from '../routes/notifications/bell.tsx';

import { useSignOut } from '../session.ts';
import {
  AuditIcon,
  CampaignIcon,
  CreatorsIcon,
  KeyIcon,
  LogoMark,
  MenuIcon,
  PortalIcon,
  SignOutIcon,
  TasksIcon,
  TeamIcon,
  UserIcon,
  WebhookIcon,
} from './icons.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';
import { PageSuspense } from './page-suspense.tsx';
import { useFocusableScrollRegions } from './scroll-regions.ts';

export interface NavEntry {
  path: string;
  label: MessageKey;
  icon: (props: { className?: string }) => ReactNode;
  /** Who sees the entry; the server checks again on every request. */
  visible: (user: User) => boolean;
}

const isStaff = (user: User) => user.role !== 'creator';
const isCreator = (user: User) => user.role === 'creator';
/** Owners and admins: the workspace's settings (team management, webhooks). */
export const isAdmin = (user: User) => user.role === 'owner' || user.role === 'admin';

/** The app's sections. Later features add their entry here and their page in app.tsx. */
export const NAV: readonly NavEntry[] = [
  { path: '/campaigns', label: 'nav.campaigns', icon: CampaignIcon, visible: isStaff },
  { path: '/creators', label: 'creators.nav', icon: CreatorsIcon, visible: isStaff },
  { path: '/portal', label: 'portal.nav', icon: PortalIcon, visible: isCreator },
  { path: '/my-tasks', label: 'myTasks.nav', icon: TasksIcon, visible: isStaff },
  { path: '/audit', label: 'nav.audit', icon: AuditIcon, visible: isStaff },
  { path: '/team', label: 'nav.team', icon: TeamIcon, visible: isStaff },
  { path: '/tokens', label: 'nav.tokens', icon: KeyIcon, visible: isStaff },
  { path: '/webhooks', label: 'nav.webhooks', icon: WebhookIcon, visible: isAdmin },
  { path: '/profile', label: 'nav.profile', icon: UserIcon, visible: () => true },
];

function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

export function Shell({
  me,
  children,
  catalogue = 'all',
}: {
  me: User;
  children: ReactNode;
  /** `core` for first-screen pages, which paint before the rest of the catalogue arrives. */
  catalogue?: CataloguePart;
}) {
  const t = useT();
  const { pathname } = useLocation();
  const signOut = useSignOut();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useFocusableScrollRegions(useCallback(() => mainRef.current, []));
  // On a phone the navigation and the account controls fold into a menu behind one button.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pathname) setMenuOpen(false);
  }, [pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  // After an in-app navigation, move focus to the new page so screen readers announce it, and
  // keep the current section visible in the navigation (it scrolls sideways on narrow screens).
  useEffect(() => {
    if (pathname)
      document.querySelector('.nav-link-active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (pathname) mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <aside className="sidebar" aria-label={t('app.name')}>
        <div className="sidebar-inner">
          <div className="sidebar-brand">
            <LogoMark />
            <span className="brand-name">{t('app.name')}</span>
            <NotificationBell me={me} />
            <button
              ref={menuButton}
              type="button"
              className="menu-toggle"
              aria-expanded={menuOpen}
              aria-controls={menuId}
              onClick={() => setMenuOpen((open) => !open)}
            >
              <MenuIcon />
              <span>{t('nav.menu')}</span>
            </button>
          </div>
          <div className="sidebar-menu" id={menuId} data-open={menuOpen}>
            <nav className="sidebar-nav" aria-label={t('nav.label')}>
              <ul>
                {NAV.filter((entry) => entry.visible(me)).map((entry) => {
                  const active = pathname === entry.path || pathname.startsWith(`${entry.path}/`);
                  const Icon = entry.icon;
                  return (
                    <li key={entry.path}>
                      <Link
                        to={entry.path}
                        className={`nav-link${active ? ' nav-link-active' : ''}`}
                        aria-current={active ? 'page' : undefined}
                      >
                        <Icon className="nav-icon" />
                        <span>{t(entry.label)}</span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
            <div className="sidebar-footer">
              <LanguageSwitcher compact />
              <div className="user-card">
                {/* Named by its visible text (name and role) after a hidden "Your profile:". */}
                <Link to="/profile" className="user-card-link">
                  <span className="visually-hidden">{t('nav.openProfile')} </span>
                  <span className="avatar" aria-hidden="true">
                    {initials(me.name)}
                  </span>
                  <span className="user-card-text">
                    <span className="user-card-name">{me.name}</span>
                    <span className="user-card-role">{roleLabel(t, me.role)}</span>
                  </span>
                </Link>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => signOut.mutate()}
                  disabled={signOut.isPending}
                  aria-label={t('nav.signOut')}
                  title={t('nav.signOut')}
                >
                  <SignOutIcon />
                </button>
              </div>
            </div>
          </div>
        </div>
      </aside>
      <main className="main" id="main" ref={mainRef} tabIndex={-1}>
        <div className="main-inner">
          <PageSuspense catalogue={catalogue}>{children}</PageSuspense>
        </div>
      </main>
    </div>
  );
}
