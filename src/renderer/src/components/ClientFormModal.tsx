import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { UserSchema, type User } from '@shared/user';
import { useClient } from '../api/client-store';
import { errorText } from './error-text';

/** The form's shape: the shared user schema, with empty inputs as "" instead of null. */
const ClientFormSchema = z.object({
  nombre_completo: UserSchema.shape.nombre_completo,
  email: z.union([z.literal(''), UserSchema.shape.email.unwrap()]),
  telefono: z.string().max(64),
  notas: z.string().max(10_000),
});
type ClientForm = z.infer<typeof ClientFormSchema>;

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

  async function save(values: ClientForm): Promise<void> {
    const body = {
      nombre_completo: values.nombre_completo.trim(),
      email: orNull(values.email),
      telefono: orNull(values.telefono),
      notas: orNull(values.notas),
    };
    try {
      const saved = client ? await api.updateClient(client._id, body) : await api.createClient(body);
      notifications.show({ color: 'teal', message: t('clients.saved') });
      onSaved(saved);
    } catch (error) {
      form.setError('root', { message: errorText(error, t) });
    }
  }

  return (
    <Modal opened onClose={onClose} title={client ? t('clients.editTitle') : t('clients.newTitle')} centered>
      <form onSubmit={(e) => void form.handleSubmit(save)(e)} noValidate data-testid="client-form">
        <Stack>
          <TextInput
            label={t('clients.name')}
            withAsterisk
            data-autofocus
            {...form.register('nombre_completo')}
            error={errors.nombre_completo?.message}
            data-testid="client-name"
          />
          <TextInput
            label={t('clients.email')}
            type="email"
            {...form.register('email')}
            error={errors.email?.message}
            data-testid="client-email"
          />
          <TextInput
            label={t('clients.phone')}
            {...form.register('telefono')}
            error={errors.telefono?.message}
          />
          <Textarea
            label={t('clients.notes')}
            autosize
            minRows={2}
            {...form.register('notas')}
            error={errors.notas?.message}
          />
          {errors.root?.message && (
            <div role="alert" style={{ color: 'var(--mantine-color-error)' }}>
              {errors.root.message}
            </div>
          )}
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
