import { useI18n } from '../i18n/i18n-context';
import { LanguageSwitch } from '../i18n/language-switch';

export function SiteHeader() {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="container site-header-inner">
        <a className="brand" href="/">
          <span className="brand-mark" aria-hidden="true">
            S
          </span>
          {t('app.name')}
        </a>
        <LanguageSwitch />
      </div>
    </header>
  );
}
