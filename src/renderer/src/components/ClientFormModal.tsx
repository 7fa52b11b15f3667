import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { User } from '@shared/user';
import { ClientError } from '../api/coach-client';
import { useClient } from '../api/client-store';
import {
  clientFormErrors,
  ClientFormSchema,
  isClientFormMessageKey,
  type ClientForm,
  type ClientFormField,
} from '../clients/client-form';
import { clientNameDirectory } from '../clients/useClientNames';
import { errorText } from './error-text';
import { FormError } from './FormError';

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export interface ClientFormModalProps {
  /** null: create a new client. */
  client: User | null;
  onClose(): void;
  onSaved(user: User): void;
}

/** Create or edit a client (react-hook-form + the shared zod schema). */
export function ClientFormModal({ client, onClose, onSaved }: ClientFormModalProps): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const form = useForm<ClientForm>({
    resolver: zodResolver(ClientFormSchema),
    defaultValues: {
      nombre_completo: client?.nombre_completo ?? '',
      email: client?.email ?? '',
      telefono: client?.telefono ?? '',
      notas: client?.notas ?? '',
    },
  });
  const { errors, isSubmitting } = form.formState;
  /** The form's own rules are i18n keys (UI language); server words arrive already readable. */
  const message = (error: FieldError | undefined): string | undefined =>
    error?.message ? (isClientFormMessageKey(error.message) ? t(error.message) : error.message) : undefined;

  async function save(values: ClientForm): Promise<void> {
    const body = {
      nombre_completo: values.nombre_completo.trim(),
      email: orNull(values.email),
      telefono: orNull(values.telefono),
      notas: orNull(values.notas),
    };
    try {
      const saved = client ? await api.updateClient(client._id, body) : await api.createClient(body);
      clientNameDirectory(api).remember(saved);
      notifications.show({ color: 'teal', message: t('clients.saved') });
      onSaved(saved);
    } catch (error) {
      // Field errors go on their fields, without the API's "body.nombre_completo:" prefixes.
      const server = clientFormErrors(error instanceof ClientError ? error.fields : []);
      const fields = Object.entries(server.fields) as [ClientFormField, string][];
      for (const [field, text] of fields) form.setError(field, { type: 'server', message: text });
      if (fields.length === 0) form.setError('root', { message: errorText(error, t) });
      else if (server.other.length > 0) form.setError('root', { message: server.other.join(' ') });
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}

      title={client ? t('clients.editTitle') : t('clients.newTitle')}
      centered
    >
      <form onSubmit={(e) => void form.handleSubmit(save)(e)} noValidate data-testid="client-form">
        <Stack>
          <TextInput
            label={t('clients.name')}
            withAsterisk
            data-autofocus
            {...form.register('nombre_completo')}
            error={message(errors.nombre_completo)}
            data-testid="client-name"
          />
          <TextInput
            label={t('clients.email')}
            type="email"
            {...form.register('email')}
            error={message(errors.email)}
            data-testid="client-email"
          />
          <TextInput
            label={t('clients.phone')}
            {...form.register('telefono')}
            error={message(errors.telefono)}
          />
          <Textarea
            label={t('clients.notes')}
            autosize
            minRows={2}
            {...form.register('notas')}
            error={message(errors.notas)}
          />
          <FormError message={errors.root?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting} data-testid="client-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
