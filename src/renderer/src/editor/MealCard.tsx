import { ActionIcon, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DayType } from '@shared/agent-outputs/common';
import type { StoredMenuDay } from '@shared/menu-plan';
import type { NutritionEdit } from '@shared/plan-edits';
import { AddFoodForm } from './AddFoodForm';
import { IngredientRow } from './IngredientRow';
import { MealReplacePicker } from './MealReplacePicker';
import { MealTime } from './MealTime';
import type { Meal } from './nutrition-bounds';
import type { PickOption } from './OptionPicker';

/** One meal of a day: its time and place in the day, its dishes' foods, or another meal in its place. */
export function MealCard({
  menus,
  dayType,
  meal,
  index,
  count,
  time,
  options,
  push,
}: {
  /** The plan's menus, every day type (the meals that may replace this one). */
  menus: readonly StoredMenuDay[];
  dayType: DayType;
  meal: Meal;
  index: number;
  count: number;
  time: string | undefined;
  options: PickOption[];
  push: (edit: NutritionEdit) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const at = { day_type: dayType, meal: index };
  return (
    <Card withBorder padding="md" data-testid="editor-meal">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={3} size="h5" data-testid="editor-meal-name">
          {meal.nombre}
        </Title>
        <Group gap="xs" align="flex-end">
          <MealTime
            label={t('editor.nutrition.timeLabel', { meal: meal.nombre })}
            value={time}
            onCommit={(hora) => push({ type: 'move_meal', ...at, hora })}
          />
          <ActionIcon
            variant="subtle"
            disabled={index === 0}
            aria-label={t('editor.nutrition.moveUp', { meal: meal.nombre })}
            onClick={() => push({ type: 'move_meal', ...at, to: index - 1 })}
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            disabled={index === count - 1}
            aria-label={t('editor.nutrition.moveDown', { meal: meal.nombre })}
            onClick={() => push({ type: 'move_meal', ...at, to: index + 1 })}
          >
            <IconArrowDown size={16} />
          </ActionIcon>
        </Group>
      </Group>
      <Stack gap="sm">
        {meal.platos.map((dish, dishIndex) => (
          <div key={`${dishIndex}-${dish.nombre}`} data-testid="editor-dish">
            <Text size="sm" fw={600} mb={4}>
              {dish.nombre}
            </Text>
            <Stack gap={6}>
              {dish.ingredientes.map((ingredient, itemIndex) => (
                <IngredientRow
                  key={`${itemIndex}-${ingredient.alimento_id ?? ingredient.alimento}`}
                  at={{ ...at, dish: dishIndex, item: itemIndex }}
                  ingredient={ingredient}
                  count={dish.ingredientes.length}
                  options={options}
                  push={push}
                />
              ))}
              <AddFoodForm
                dish={dish.nombre}
                options={options}
                onAdd={(food_id, grams) => push({ type: 'add_food', ...at, dish: dishIndex, food_id, grams })}
              />
            </Stack>
          </div>
        ))}
        <MealReplacePicker menus={menus} dayType={dayType} index={index} meal={meal.nombre} push={push} />
      </Stack>
    </Card>
  );
}
