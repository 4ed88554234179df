import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import type { SessionUser } from './auth-api';
import { describeError } from './describe-error';

interface SignedInCardProps {
  user: SessionUser;
  onLogout: () => Promise<void>;
  /** Move focus here after a successful login so keyboard users are not lost. */
  focusOnMount?: boolean;
}

export function SignedInCard({ user, onLogout, focusOnMount = false }: SignedInCardProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  async function handleLogout() {
    setBusy(true);
    setError(null);
    try {
      await onLogout();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <section className="signed-in" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('auth.signedInHeading')}
      </h2>
      <p className="signed-in-as">
        {t('auth.signedInAs', {
          name: user.displayName,
          role: user.role,
          organization: user.organization?.name ?? t('auth.noOrganization'),
        })}
      </p>
      <div className="form-error" role="alert">
        {error !== null ? t('auth.logoutFailed', { message: describeError(error, t) }) : null}
      </div>
      <button type="button" className="button button-secondary" onClick={handleLogout} disabled={busy}>
        {busy ? t('auth.loggingOut') : t('auth.logout')}
      </button>
    </section>
  );
}
