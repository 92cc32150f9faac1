import type { SVGProps } from 'react';

// A handful of 20×20 stroke icons, drawn for this app (decorative: hidden from screen readers).

type IconProps = SVGProps<SVGSVGElement>;

function Icon({ children, ...props }: IconProps) {
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

export const LogoMark = (props: IconProps) => (
  <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false" {...props}>
    <rect width="28" height="28" rx="8" fill="var(--accent)" />
    <circle cx="11" cy="14" r="5.2" fill="none" stroke="#fff" strokeWidth="2" />
    <circle cx="17" cy="14" r="5.2" fill="none" stroke="#fff" strokeWidth="2" opacity=".75" />
  </svg>
);
