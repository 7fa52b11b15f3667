import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/client-store';
import { clientNameDirectory } from '../clients/useClientNames';

const OPTIONS = 50;

/**
 * Trabajos' client filter: the coach picks a client by name (searched on the server by name or
 * email, archived clients included); the value is the client's id.
 */
export function ClientFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange(userId: string | null): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const directory = clientNameDirectory(api);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const [opened, setOpened] = useState(false);
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const selectedLabel = value ? (directory.nameOf(value) ?? value) : '';

  useEffect(() => {
    if (!opened) return;
    let current = true;
    // Once a client is chosen the box shows its name: list everyone again rather than that one.
    const term = query.trim() === selectedLabel ? '' : query.trim();
    api
      .listClients({ search: term || undefined, include_archived: true, limit: OPTIONS })
      .then((page) => {
        if (!current) return;
        for (const user of page.items) directory.remember(user);
        setOptions(page.items.map((u) => ({ value: u._id, label: u.nombre_completo })));
      })
      .catch(() => {
        if (current) setOptions([]);
      });
    return () => {
      current = false;
    };
  }, [api, directory, opened, query, selectedLabel]);

  // The chosen client stays an option, or the box could not show its name.
  const data = useMemo(
    () =>
      value && !options.some((o) => o.value === value)
        ? [{ value, label: selectedLabel }, ...options]
        : options,
    [options, value, selectedLabel],
  );

  return (
    <Select
      label={t('jobs.filterClient')}
      placeholder={t('common.all')}
      searchable
      clearable
      value={value}
      onChange={(v) => onChange(v)}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      // The server already matched name or email; do not filter its answer again by label.
      filter={({ options: all }) => all}
      data={data}
      nothingFoundMessage={t('jobs.noClients')}
      data-testid="jobs-filter-client"
    />
  );
}
