import type { SVGProps } from 'react';

// Inline icons (no icon font, no extra request). Decorative: hidden from assistive technology.
// Directional ones mirror in right-to-left pages.

type IconProps = SVGProps<SVGSVGElement>;
const svg = (props: IconProps) => ({
  'aria-hidden': true,
  focusable: false,
  width: 24,
  height: 24,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  ...props,
  className: `shrink-0 ${props.className ?? ''}`,
});

export const CheckIcon = (p: IconProps) => (
  <svg {...svg(p)}>
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </svg>
);

/** Points forward: right in LTR, left in RTL. */
export const ArrowForwardIcon = (p: IconProps) => (
  <svg {...svg({ ...p, className: `rtl:-scale-x-100 ${p.className ?? ''}` })}>
    <path d="M5 12h14M13 6l6 6-6 6" />
  </svg>
);

/** Points back: left in LTR, right in RTL. */
export const ArrowBackIcon = (p: IconProps) => (
  <svg {...svg({ ...p, className: `rtl:-scale-x-100 ${p.className ?? ''}` })}>
    <path d="M19 12H5M11 6l-6 6 6 6" />
  </svg>
);

export const AlertIcon = (p: IconProps) => (
  <svg {...svg(p)}>
    <path d="M12 3.5l9.5 16.5h-19z" />
    <path d="M12 10v4.5M12 17.5v.01" />
  </svg>
);

export const ClockIcon = (p: IconProps) => (
  <svg {...svg(p)}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </svg>
);

export const LinkOffIcon = (p: IconProps) => (
  <svg {...svg(p)}>
    <path d="M9.5 14.5l5-5M8 11l-2.5 2.5a3.5 3.5 0 005 5L13 16M16 13l2.5-2.5a3.5 3.5 0 00-5-5L11 8M4 4l16 16" />
  </svg>
);

export const ChatIcon = (p: IconProps) => (
  <svg {...svg(p)}>
    <path d="M20 11.5a8 8 0 01-11.8 7L4 20l1.5-4.1A8 8 0 1120 11.5z" />
    <path d="M9 9.5c0 3 2.5 5.5 5.5 5.5" />
  </svg>
);

export const CopyIcon = (p: IconProps) => (
  <svg {...svg(p)}>
    <rect x="9" y="9" width="11" height="11" rx="2" />
    <path d="M5 15V6a2 2 0 012-2h9" />
  </svg>
);

export const ShieldIcon = (p: IconProps) => (
  <svg {...svg(p)}>
    <path d="M12 3l7 3v5.5c0 4.3-3 8-7 9.5-4-1.5-7-5.2-7-9.5V6z" />
    <path d="M9 12l2 2 4-4" />
  </svg>
);

export const Spinner = (p: IconProps) => (
  <svg {...svg({ ...p, className: `motion-safe:animate-spin ${p.className ?? ''}` })}>
    <path d="M21 12a9 9 0 11-6.2-8.6" />
  </svg>
);
