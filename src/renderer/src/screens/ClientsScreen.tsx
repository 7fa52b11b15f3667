import { Anchor, Badge, Button, Group, Paper, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { User } from '@shared/user';
import { useClient } from '../api/client-store';
import { ClientFormModal } from '../components/ClientFormModal';
import { errorText } from '../components/error-text';
import { formatDateTime } from '../format';

/** Clientes: searchable list with create, edit and archive. */
export function ClientsScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [archived, setArchived] = useState(false);
  const [items, setItems] = useState<User[]>([]);
  const [total, setTotal] = useState(0);
  const [editing, setEditing] = useState<User | 'new' | null>(null);

  const load = useCallback(async () => {
    try {
      const page = await api.listClients({
        search: debounced || undefined,
        include_archived: archived,
        limit: 200,
      });
      setItems(page.items);
      setTotal(page.total);
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error, t) });
    }
  }, [api, debounced, archived, t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function toggleArchive(user: User): Promise<void> {
    try {
      await api.archiveClient(user._id, !user.archived);
      notifications.show({
        message: user.archived ? t('clients.unarchivedDone') : t('clients.archivedDone'),
      });
      await load();
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error, t) });
    }
  }

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1} size="h2">
          {t('clients.title')}
        </Title>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing('new')}
          data-testid="client-new"
        >
          {t('clients.new')}
        </Button>
      </Group>
      <Group mb="md" align="flex-end">
        <TextInput
          label={t('clients.searchLabel')}
          placeholder={t('clients.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={340}
          data-testid="client-search"
        />
        <Switch
          label={t('clients.showArchived')}
          checked={archived}
          onChange={(e) => setArchived(e.currentTarget.checked)}
          mb={6}
        />
        <Text c="dimmed" size="sm" ml="auto" mb={6}>
          {t('clients.count', { count: total })}
        </Text>
      </Group>
      <Paper withBorder>
        <Table highlightOnHover verticalSpacing="sm" data-testid="clients-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clients.name')}</Table.Th>
              <Table.Th>{t('clients.email')}</Table.Th>
              <Table.Th>{t('clients.phone')}</Table.Th>
              <Table.Th>{t('clients.created')}</Table.Th>
              <Table.Th aria-label={t('jobs.actions')} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed" ta="center" py="lg">
                    {t('clients.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((user) => (
              <Table.Tr key={user._id} data-testid="client-row">
                <Table.Td>
                  <Anchor component={Link} to={`/clients/${encodeURIComponent(user._id)}`} fw={600}>
                    {user.nombre_completo}
                  </Anchor>
                  {user.archived && (
                    <Badge ml="xs" color="gray" variant="light">
                      {t('clients.archived')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{user.email ?? '—'}</Table.Td>
                <Table.Td>{user.telefono ?? '—'}</Table.Td>
                <Table.Td>{formatDateTime(user.created_at)}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconPencil size={14} />}
                      onClick={() => setEditing(user)}
                      aria-label={`${t('common.edit')}: ${user.nombre_completo}`}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="gray"
                      leftSection={user.archived ? <IconArchiveOff size={14} /> : <IconArchive size={14} />}
                      onClick={() => void toggleArchive(user)}
                      aria-label={`${user.archived ? t('clients.unarchive') : t('clients.archive')}: ${user.nombre_completo}`}
                    >
                      {user.archived ? t('clients.unarchive') : t('clients.archive')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {editing && (
        <ClientFormModal
          client={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(user) => {
            const created = editing === 'new';
            setEditing(null);
            if (created) void navigate(`/clients/${encodeURIComponent(user._id)}`);
            else void load();
          }}
        />
      )}
    </>
  );
}
