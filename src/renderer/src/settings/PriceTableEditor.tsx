import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PriceTable } from '@shared/pricing';
import {
  isBuiltInModel,
  PriceTableFormSchema,
  rowsFromTable,
  tableFromRows,
  type PriceTableForm,
} from './price-table-form';

const PRICE_FIELDS = ['input_per_1m', 'cached_input_per_1m', 'output_per_1m'] as const;

export interface PriceTableEditorProps {
  prices: PriceTable;
  /** Stores the table (only what differs from the built-in prices); rejects with a readable error. */
  onSave(prices: PriceTable): Promise<void>;
}

/**
 * Ajustes → the USD price per million tokens of each model, used for the estimate before generating
 * and the cost of every agent. A model missing here is costed as "unknown", never as 0.
 */
export function PriceTableEditor({ prices, onSave }: PriceTableEditorProps): React.JSX.Element {
  const { t } = useTranslation();
  const form = useForm<PriceTableForm>({
    resolver: zodResolver(PriceTableFormSchema),
    defaultValues: { rows: rowsFromTable(prices) },
  });
  const rows = useFieldArray({ control: form.control, name: 'rows' });
  const { errors, isSubmitting, isDirty } = form.formState;
  const message = (error: FieldError | undefined): string | undefined =>
    error?.message ? t(error.message) : undefined;

  async function save(values: PriceTableForm): Promise<void> {
    try {
      await onSave(tableFromRows(values.rows));
      form.reset(values);
    } catch (error) {
      form.setError('root', { message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <form onSubmit={(e) => void form.handleSubmit(save)(e)} noValidate data-testid="price-table-form">
      <Table.ScrollContainer minWidth={640}>
        <Table data-testid="price-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.priceModel')}</Table.Th>
              <Table.Th>{t('settings.priceInput')}</Table.Th>
              <Table.Th>{t('settings.priceCachedInput')}</Table.Th>
              <Table.Th>{t('settings.priceOutput')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('settings.priceActions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.fields.map((field, index) => {
              const builtIn = isBuiltInModel(field.model);
              const rowErrors = errors.rows?.[index];
              return (
                <Table.Tr key={field.id}>
                  <Table.Td>
                    <TextInput
                      aria-label={t('settings.priceModel')}
                      readOnly={builtIn}
                      error={message(rowErrors?.model)}
                      data-testid={`price-model-${index}`}
                      {...form.register(`rows.${index}.model`)}
                    />
                  </Table.Td>
                  {PRICE_FIELDS.map((key) => (
                    <Table.Td key={key}>
                      <Controller
                        control={form.control}
                        name={`rows.${index}.${key}`}
                        render={({ field: input }) => (
                          <NumberInput
                            aria-label={`${t(`settings.${priceLabel[key]}`)} · ${field.model || t('settings.priceNewModel')}`}
                            min={0}
                            decimalScale={4}
                            step={0.05}
                            prefix="$"
                            value={input.value}
                            onChange={(v) => input.onChange(typeof v === 'number' ? v : undefined)}
                            onBlur={input.onBlur}
                            error={message(rowErrors?.[key])}
                            data-testid={`price-${key}-${index}`}
                          />
                        )}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Tooltip label={builtIn ? t('settings.priceBuiltIn') : t('settings.priceRemove')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        disabled={builtIn}
                        aria-label={`${t('settings.priceRemove')} ${field.model}`}
                        onClick={() => rows.remove(index)}
                        data-testid={`price-remove-${index}`}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt="xs">
        {t('settings.priceHelp')}
      </Text>
      {errors.root?.message && (
        <Alert color="red" mt="sm" role="alert">
          {errors.root.message}
        </Alert>
      )}
      <Group justify="space-between" mt="sm">
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          onClick={() =>
            rows.append({ model: '', input_per_1m: 0, cached_input_per_1m: 0, output_per_1m: 0 })
          }
          data-testid="price-add"
        >
          {t('settings.priceAdd')}
        </Button>
        <Button type="submit" loading={isSubmitting} disabled={!isDirty} data-testid="price-save">
          {t('settings.priceSave')}
        </Button>
      </Group>
    </form>
  );
}

const priceLabel = {
  input_per_1m: 'priceInput',
  cached_input_per_1m: 'priceCachedInput',
  output_per_1m: 'priceOutput',
} as const;
