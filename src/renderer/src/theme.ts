import { createTheme } from '@mantine/core';

/** One theme for light and dark: calm teal accents, readable density for tables all day. */
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  headings: { fontWeight: '650' },
  focusRing: 'always',
});
