import { createTheme } from '@mantine/core';

/**
 * One theme for the whole app: readable on a 1366×768 office screen (15 px body text, compact
 * spacing), Vietnamese-capable system fonts, a sober blue close to Party documents' letterheads.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: '"Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  headings: { fontFamily: '"Segoe UI", Roboto, "Noto Sans", Arial, sans-serif', fontWeight: '600' },
  fontSizes: { xs: '12px', sm: '14px', md: '15px', lg: '17px', xl: '20px' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
    Button: { defaultProps: { size: 'sm' } },
  },
});
