import { Alert } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A saved/failed message shown where the user acted (in the card or beside the button they tapped),
 * and scrolled into view: on a 360 px phone a corner toast falls outside what the user looks at.
 */
export function Confirmation({ children, onClose, color = 'teal' }: { children: React.ReactNode; onClose?: () => void; color?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // After the dialog that caused it has closed and released the page's scroll.
    const frame = requestAnimationFrame(() => ref.current?.scrollIntoView?.({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [children]);
  return (
    <Alert
      ref={ref}
      color={color}
      role="status"
      data-testid="confirmation"
      withCloseButton={!!onClose}
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      p="xs"
      mt="xs"
      // Scrolled to the top edge, it would sit under the fixed header.
      style={{ scrollMarginTop: 'calc(var(--app-shell-header-offset, 0rem) + var(--mantine-spacing-xs))', scrollMarginBottom: 'var(--mantine-spacing-xs)' }}
    >
      {children}
    </Alert>
  );
}
