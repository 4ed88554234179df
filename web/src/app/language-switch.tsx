import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('nav.language')}
      size="xs"
      value={i18n.language.startsWith('en') ? 'en' : 'id'}
      onChange={(v) => void i18n.changeLanguage(v)}
      data={[
        { value: 'id', label: 'Bahasa Indonesia' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
