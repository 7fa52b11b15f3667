import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientStore } from '../api/client-store';

/** Browser build: asks for the admin token first; it is kept in sessionStorage only. */
export function TokenPrompt(): React.JSX.Element {
  const { t } = useTranslation();
  const signIn = useClientStore((s) => s.signIn);
  const [token, setToken] = useState('');
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    const ok = await signIn(token);
    setBusy(false);
    setWrong(!ok);
  }

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={460} component="main">
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <Title order={1} size="h2">
              {t('token.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('token.intro')}
            </Text>
            <PasswordInput
              label={t('token.label')}
              value={token}
              onChange={(e) => setToken(e.currentTarget.value)}
              autoFocus
              required
              data-testid="token-input"
            />
            {wrong && (
              <Alert color="red" role="alert">
                {t('token.wrong')}
              </Alert>
            )}
            <Button type="submit" loading={busy} data-testid="token-submit">
              {t('token.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
