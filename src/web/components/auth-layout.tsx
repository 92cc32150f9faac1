import type { ReactNode } from 'react';
import { useT } from '../i18n/locale.tsx';
import { LogoMark } from './icons.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

/** The frame of the signed-out pages: brand, language switcher, one centred card. */
export function AuthLayout({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const t = useT();
  return (
    <div className="auth">
      <header className="auth-top">
        <span className="brand">
          <LogoMark />
          <span className="brand-name">{t('app.name')}</span>
        </span>
        <LanguageSwitcher compact />
      </header>
      <main className="auth-main" id="main">
        <div className="auth-card">
          <h1 className="auth-title">{title}</h1>
          {subtitle ? <p className="auth-subtitle">{subtitle}</p> : null}
          {children}
        </div>
        {footer ? <div className="auth-footer">{footer}</div> : null}
      </main>
    </div>
  );
}
