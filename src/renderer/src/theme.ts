import { Alert, createTheme, Modal, Notification, type MantineThemeOverride } from '@mantine/core';

/**
 * One theme for light and dark: calm teal accents, readable density for tables all day. Built with
 * the UI language's word for "close": Mantine's icon-only close buttons (modals, notifications,
 * alerts) need an accessible name, and axe checks every screen for one.
 */
export function appTheme(closeLabel: string): MantineThemeOverride {
  return createTheme({
    primaryColor: 'teal',
    // WCAG AA (4.5:1, checked by axe in the browser tests): white text needs teal-9.
    primaryShade: { light: 9, dark: 9 },
    defaultRadius: 'md',
    fontFamily: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    headings: { fontWeight: '650' },
    focusRing: 'always',
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': closeLabel } },
      }),
      Alert: Alert.extend({ defaultProps: { closeButtonLabel: closeLabel } }),
    },
  });
}
