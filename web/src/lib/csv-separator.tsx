import { Select, type SelectProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvSeparator } from '../gql/graphql';

const SEPARATORS: CsvSeparator[] = ['SEMICOLON', 'COMMA'];

/**
 * The separator of a CSV export: a semicolon by default in Indonesian (Excel under Indonesian regional
 * settings splits on it, the comma being the decimal mark), a comma in English.
 */
export function useCsvSeparator() {
  const { i18n } = useTranslation();
  const [chosen, setChosen] = useState<CsvSeparator | null>(null);
  return [chosen ?? (i18n.language.startsWith('en') ? 'COMMA' : 'SEMICOLON'), setChosen] as const;
}

export function CsvSeparatorSelect({
  value,
  onChange,
  compact = false,
  ...rest
}: { value: CsvSeparator; onChange: (v: CsvSeparator) => void; compact?: boolean } & Omit<SelectProps, 'value' | 'onChange' | 'data'>) {
  const { t } = useTranslation();
  return (
    <Select
      {...rest}
      // Compact beside an export button: the label is for screen readers only.
      label={compact ? undefined : t('csv.separator')}
      aria-label={compact ? t('csv.separator') : undefined}
      data={SEPARATORS.map((s) => ({ value: s, label: t(`csv.${s}`) }))}
      value={value}
      onChange={(v) => v && onChange(v as CsvSeparator)}
      allowDeselect={false}
      data-testid="csv-separator"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
