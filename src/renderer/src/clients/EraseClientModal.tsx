import { Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@shared/user';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';
import { FormError } from '../components/FormError';

/** The typed confirmation matches the client's name (trimmed, case-insensitive). */
export function erasureConfirmed(typed: string, name: string): boolean {
  const wanted = name.trim().toLocaleLowerCase();
  return wanted.length > 0 && typed.trim().toLocaleLowerCase() === wanted;
}

/**
 * "Borrar todos los datos del cliente" (issue #18): says what goes and that it cannot be undone;
 * the red button waits until the coach types the client's name.
 */
export function EraseClientModal({
  client,
  onClose,
  onErased,
}: {
  client: Pick<User, '_id' | 'nombre_completo'>;
  onClose(): void;
  /** After the erasure (the ficha no longer exists). */
  onErased(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const name = client.nombre_completo;
  const confirmed = erasureConfirmed(typed, name);

  async function erase(): Promise<void> {
    if (!confirmed || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const erasure = await api.eraseClient({ id: client._id, confirm: typed.trim() });
      notifications.show({ color: 'teal', message: t('client.erase.done', { count: erasure.total }) });
      onErased();
    } catch (error) {
      setFailure(`${t('client.erase.failed')}: ${errorText(error, t)}`);
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={busy ? () => undefined : onClose}
      title={t('client.erase.title', { name })}
      centered
      data-testid="erase-dialog"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void erase();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">{t('client.erase.what')}</Text>
          <List size="sm" withPadding>
            <List.Item>{t('client.erase.items.client')}</List.Item>
            <List.Item>{t('client.erase.items.questionnaires')}</List.Item>
            <List.Item>{t('client.erase.items.plans')}</List.Item>
            <List.Item>{t('client.erase.items.jobs')}</List.Item>
          </List>
          <Text size="sm" fw={600} c="red">
            {t('client.erase.irreversible')}
          </Text>
          <TextInput
            label={t('client.erase.confirmLabel', { name })}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            data-testid="erase-confirm-input"
          />
          <FormError message={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color="red"
              disabled={!confirmed}
              loading={busy}
              data-testid="erase-confirm"
            >
              {t('client.erase.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
