import { Select, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n';

/** An exercise or food the coach may pick, or not, with the reason (from the shared option lists). */
export interface PickOption {
  id: string;
  name_es: string;
  name_en: string;
  allowed: boolean;
  reason?: { es: string; en: string };
  /** The heading the option is listed under (options without one are listed first, ungrouped). */
  group?: string;
}

type Item = { value: string; label: string; disabled: boolean };

/** Mantine's data: the ungrouped options, then each group in the order it first appears. */
function grouped(items: { item: Item; group?: string }[]): (Item | { group: string; items: Item[] })[] {
  const groups = new Map<string, Item[]>();
  const loose: Item[] = [];
  for (const { item, group } of items) {
    if (group === undefined) loose.push(item);
    else groups.set(group, [...(groups.get(group) ?? []), item]);
  }
  return [...loose, ...[...groups].map(([group, items]) => ({ group, items }))];
}

/**
 * A searchable picker whose options the client cannot have stay visible, disabled, with the reason
 * under the name ("Contraindicado por la lesión activa (rodilla): …"), so the coach sees why.
 */
export function OptionPicker({
  label,
  options,
  value,
  onPick,
  placeholder,
  testId,
  hideLabel,
  allowRestricted = false,
  w,
}: {
  label: string;
  options: readonly PickOption[];
  value: string | null;
  onPick: (id: string) => void;
  placeholder?: string;
  testId?: string;
  hideLabel?: boolean;
  /** Restricted options stay marked with their reason but can be picked (the coach's call). */
  allowRestricted?: boolean;
  w?: number | string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLang();
  const byId = useMemo(() => new Map(options.map((option) => [option.id, option])), [options]);
  const data = useMemo(
    () =>
      grouped(
        options.map((option) => ({
          item: {
            value: option.id,
            label: lang === 'en' ? option.name_en : option.name_es,
            disabled: !option.allowed && !allowRestricted,
          },
          group: option.group,
        })),
      ),
    [options, lang, allowRestricted],
  );
  return (
    <Select
      label={hideLabel ? undefined : label}
      aria-label={label}
      size="xs"
      w={w}
      searchable
      data={data}
      value={value}
      placeholder={placeholder}
      nothingFoundMessage={t('editor.nothingFound')}
      maxDropdownHeight={320}
      comboboxProps={{ width: 420, position: 'bottom-start' }}
      // A disabled option stays readable (Mantine fades it to near-invisible): its name is dimmed
      // and its reason, in red, is what the coach needs to read.
      styles={{ option: { opacity: 1 } }}
      data-testid={testId}
      onChange={(id) => {
        if (id && id !== value) onPick(id);
      }}
      renderOption={({ option }) => {
        const full = byId.get(option.value);
        return (
          <Stack gap={0} data-testid="picker-option" data-allowed={full?.allowed ?? true}>
            <Text
              size="sm"
              c={option.disabled ? 'dimmed' : undefined}
              td={option.disabled ? 'line-through' : undefined}
            >
              {option.label}
            </Text>
            {full?.reason && (
              <Text size="xs" c="red.8" data-testid="picker-option-reason">
                {full.reason[lang]}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}
