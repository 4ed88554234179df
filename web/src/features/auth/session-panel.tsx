import { useCallback, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { describeError } from './describe-error';
import { LoginForm } from './login-form';
import { SignedInCard } from './signed-in-card';
import { useSession } from './use-session';

/** Login form or "signed in as …" depending on the cookie session (`me`). */
export function SessionPanel() {
  const { t } = useI18n();
  const { state, login, logout } = useSession();
  // Only move focus after the user did something, never on first page load.
  const [interacted, setInteracted] = useState(false);

  const handleLogin = useCallback(
    async (username: string, password: string) => {
      await login(username, password);
      setInteracted(true);
    },
    [login],
  );
  const handleLogout = useCallback(async () => {
    await logout();
    setInteracted(true);
  }, [logout]);

  if (state.status === 'checking') {
    return (
      <p className="muted" role="status">
        {t('auth.checking')}
      </p>
    );
  }

  if (state.status === 'authenticated') {
    return <SignedInCard user={state.user} onLogout={handleLogout} focusOnMount={interacted} />;
  }

  return (
    <>
      {state.checkError !== undefined ? (
        <p className="notice" role="status">
          {t('auth.sessionUnknown', { message: describeError(state.checkError, t) })}
        </p>
      ) : null}
      <LoginForm onLogin={handleLogin} focusOnMount={interacted} />
    </>
  );
}
