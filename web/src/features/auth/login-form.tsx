import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { describeError } from './describe-error';

interface LoginFormProps {
  onLogin: (username: string, password: string) => Promise<void>;
  /** Focus the username field when shown after a user action (e.g. logout). */
  focusOnMount?: boolean;
}

export function LoginForm({ onLogin, focusOnMount = false }: LoginFormProps) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const headingId = `${id}-heading`;
  const errorId = `${id}-error`;

  useEffect(() => {
    if (focusOnMount) usernameRef.current?.focus();
  }, [focusOnMount]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      await onLogin(username.trim(), password);
      // On success the session panel replaces this form.
    } catch (failure) {
      setError(failure);
      setPassword('');
      setSubmitting(false);
      passwordRef.current?.focus();
    }
  }

  const hasError = error !== null;

  return (
    <form className="login-form" onSubmit={handleSubmit} aria-labelledby={headingId} aria-busy={submitting}>
      <h2 id={headingId}>{t('auth.heading')}</h2>
      <p className="muted">{t('auth.intro')}</p>

      <div className="field">
        <label htmlFor={`${id}-username`}>{t('auth.username')}</label>
        <input
          ref={usernameRef}
          id={`${id}-username`}
          name="username"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          aria-invalid={hasError || undefined}
          aria-describedby={hasError ? errorId : undefined}
        />
      </div>

      <div className="field">
        <label htmlFor={`${id}-password`}>{t('auth.password')}</label>
        <input
          ref={passwordRef}
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={hasError || undefined}
          aria-describedby={hasError ? errorId : undefined}
        />
      </div>

      {/* Always in the DOM so screen readers announce the message when it appears. */}
      <div id={errorId} className="form-error" role="alert">
        {hasError ? t('auth.failed', { message: describeError(error, t) }) : null}
      </div>

      <button type="submit" className="button button-primary" disabled={submitting}>
        {submitting ? t('auth.submitting') : t('auth.submit')}
      </button>
    </form>
  );
}
