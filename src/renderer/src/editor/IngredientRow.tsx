import { ActionIcon, Group } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DayType } from '@shared/agent-outputs/common';
import type { StoredIngredient } from '@shared/menu-plan';
import type { NutritionEdit } from '@shared/plan-edits';
import { EditNumber } from './fields';
import { GRAMS } from './nutrition-bounds';
import { OptionPicker, type PickOption } from './OptionPicker';

/** One food of a dish: replaced from the table, its grams, removed (never the dish's last). */
export function IngredientRow({
  at,
  ingredient,
  count,
  options,
  push,
}: {
  /** Where the food is: day type, meal, dish and item indexes. */
  at: { day_type: DayType; meal: number; dish: number; item: number };
  ingredient: StoredIngredient;
  /** How many foods the dish has. */
  count: number;
  options: PickOption[];
  push: (edit: NutritionEdit) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Group
      gap="xs"
      align="flex-end"
      wrap="nowrap"
      data-testid="editor-ingredient"
      data-food-id={ingredient.alimento_id}
    >
      <OptionPicker
        label={t('editor.nutrition.foodLabel', { food: ingredient.alimento })}
        hideLabel
        options={options}
        value={ingredient.alimento_id ?? null}
        placeholder={ingredient.alimento}
        w={280}
        testId="editor-food"
        onPick={(food_id) => push({ type: 'replace_food', ...at, food_id })}
      />
      <EditNumber
        label={
          at.item === 0
            ? t('editor.nutrition.grams')
            : t('editor.nutrition.gramsOf', { food: ingredient.alimento })
        }
        hideLabel={at.item > 0}
        value={ingredient.cantidad_g}
        min={GRAMS.min}
        max={GRAMS.max}
        w={96}
        testId="editor-grams"
        onCommit={(grams) => push({ type: 'set_grams', ...at, grams })}
      />
      <ActionIcon
        variant="subtle"
        color="red"
        mb={4}
        disabled={count <= 1}
        aria-label={t('editor.nutrition.removeFood', { food: ingredient.alimento })}
        onClick={() => push({ type: 'remove_food', ...at })}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}
