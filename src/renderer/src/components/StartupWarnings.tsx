import { Alert, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useStartupStore } from '../stores/startup-store';

/**
 * Electron: problems that leave the app usable (no LLM key yet; a key stored without real
 * encryption), each as a banner the coach can close for this session. Nothing in the browser build.
 */
export function StartupWarnings(): React.JSX.Element | null {
  const { t } = useTranslation();
  const state = useStartupStore((s) => s.state);
  const dismissed = useStartupStore((s) => s.dismissed);
  const dismiss = useStartupStore((s) => s.dismiss);
  if (state?.phase !== 'ready') return null;
  const open = state.warnings.filter((w) => !dismissed.includes(w.reason));
  if (open.length === 0) return null;
  return (
    <Stack gap="xs" mb="md" className="no-print" data-testid="startup-warnings">
      {open.map((warning) => (
        <Alert
          key={warning.reason}
          color="yellow"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={t(`startupWarnings.${warning.reason}.title`)}
          withCloseButton
          closeButtonLabel={t('startupWarnings.dismiss')}
          onClose={() => dismiss(warning.reason)}
          data-testid={`startup-warning-${warning.reason}`}
        >
          {t(`startupWarnings.${warning.reason}.body`)}
        </Alert>
      ))}
    </Stack>
  );
}
