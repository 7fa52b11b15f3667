import { Alert, Button, Code, CopyButton, Group, PasswordInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiAccess } from '@shared/ipc-contract';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';

/**
 * Ajustes → how another program (or a browser on `edn360 serve`) reaches this app's HTTP API: its
 * address and admin token, hidden until asked for, copyable, and regenerable after a confirmation.
 */
export function ApiAccessPanel(): React.JSX.Element | null {
  const { t } = useTranslation();
  const api = useClient();
  const [access, setAccess] = useState<ApiAccess | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.getApiAccess().then(setAccess, () => setAccess(null));
  }, [api]);

  async function regenerate(): Promise<void> {
    setBusy(true);
    try {
      setAccess(await api.regenerateApiToken());
      notifications.show({ color: 'teal', message: t('settings.apiTokenRegenerated') });
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error, t) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  if (!access) return null;
  const fixed = access.source === 'env';
  return (
    <>
      <Text size="sm">
        {t('settings.apiUrl')}: <Code data-testid="settings-api-url">{access.url ?? '—'}</Code>
      </Text>
      <Group align="flex-end">
        <PasswordInput
          label={t('settings.apiToken')}
          description={fixed ? t('settings.apiTokenFromEnv') : t('settings.apiTokenHelp')}
          value={access.token}
          readOnly
          w={420}
          data-testid="settings-api-token"
        />
        <CopyButton value={access.token}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy} data-testid="settings-api-token-copy">
              {copied ? t('settings.apiTokenCopied') : t('settings.apiTokenCopy')}
            </Button>
          )}
        </CopyButton>
        {!confirming && (
          <Button
            variant="default"
            color="red"
            disabled={fixed}
            onClick={() => setConfirming(true)}
            data-testid="settings-api-token-regenerate"
          >
            {t('settings.apiTokenRegenerate')}
          </Button>
        )}
      </Group>
      {confirming && (
        <Alert
          color="red"
          title={t('settings.apiTokenConfirmTitle')}
          data-testid="settings-api-token-confirm"
        >
          <Text size="sm" mb="sm">
            {t('settings.apiTokenConfirmBody')}
          </Text>
          <Group>
            <Button
              color="red"
              loading={busy}
              onClick={() => void regenerate()}
              data-testid="settings-api-token-confirm-yes"
            >
              {t('settings.apiTokenRegenerate')}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Alert>
      )}
    </>
  );
}
