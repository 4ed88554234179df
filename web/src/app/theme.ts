import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

const sinergi: MantineColorsTuple = [
  '#e6f6f1', '#cfeae1', '#a0d4c3', '#6dbda3', '#45a988', '#2d9c77', '#1c8a68', '#0f7357', '#0a5c4a', '#04473a',
];

export const theme = createTheme({
  primaryColor: 'sinergi',
  primaryShade: 8,
  colors: { sinergi },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
  headings: { fontWeight: '700' },
  components: {
    // Mantine's red.6 error text has 3.3:1 on white; red.9 meets WCAG AA (4.5:1).
    InputWrapper: { styles: { error: { color: 'var(--mantine-color-red-9)' } } },
  },
});

// Mantine's light error red (red.6) is 3.3:1 on white; field errors must be readable (WCAG AA, 4.5:1).
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
