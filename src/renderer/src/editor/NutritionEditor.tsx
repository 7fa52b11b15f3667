import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayType } from '@shared/agent-outputs/common';
import { readNutrition } from '@shared/client-plan/read-plans';
import { FIBRE_MIN_G, MenuPlanSchema, type StoredMenuDay } from '@shared/menu-plan';
import {
  clientRestrictions,
  dayTotalsAgainstTargets,
  foodOptions,
  type DayTotalsAgainstTargets,
  type NutritionEdit,
  type NutritionEditResult,
} from '@shared/plan-edits';
import { formatNumber } from '../format';
import { enumLabelKey } from '../plan/enum-labels';
import { EditNumber } from './fields';
import { OptionPicker, type PickOption } from './OptionPicker';
import { refusalText } from './refusal';
import type { EditSession } from './useEditSession';

const HORA = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A food's grams, as N6's ingredient schema bounds them. */
const GRAMS = { min: 1, max: 1000 };
const NEW_FOOD_GRAMS = 100;

/** The menus by day type, every meal's foods and grams editable, the day's totals live. */
export function NutritionEditor({ session }: { session: EditSession<'nutrition'> }): React.JSX.Element {
  const { t } = useTranslation();
  const plan = session.applied.plan;
  const menu = MenuPlanSchema.safeParse(plan.nutrition.menu_plan);
  const options = useMemo<PickOption[]>(
    () => foodOptions(session.base, clientRestrictions(session.base)),
    [session.base],
  );
  const timing = readNutrition(plan).timing;
  const timeOf = (meal: string): string | undefined => timing?.comidas.find((c) => c.nombre === meal)?.hora;
  const days = menu.success ? menu.data.menus : [];
  const [tab, setTab] = useState<string | null>(days[0]?.tipo_dia ?? null);

  function push(edit: NutritionEdit): void {
    const result = session.push(edit) as NutritionEditResult;
    if (!result.ok) {
      notifications.show({
        color: 'red',
        title: t('editor.refused'),
        message: refusalText(result.errors, t),
      });
    }
  }

  if (!menu.success || days.length === 0) return <Text c="dimmed">{t('editor.nutrition.noMenu')}</Text>;

  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false} data-testid="nutrition-editor">
      <Tabs.List mb="sm">
        {days.map((day) => {
          const level = dayTotalsAgainstTargets(plan, day.tipo_dia)?.level ?? 'ok';
          return (
            <Tabs.Tab
              key={day.tipo_dia}
              value={day.tipo_dia}
              data-testid={`editor-day-tab-${day.tipo_dia}`}
              rightSection={level === 'ok' ? undefined : <LevelDot level={level} />}
            >
              {t(enumLabelKey('tipo_dia', day.tipo_dia))}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      {days.map((day) => (
        <Tabs.Panel key={day.tipo_dia} value={day.tipo_dia}>
          <Stack>
            <DayTotals totals={dayTotalsAgainstTargets(plan, day.tipo_dia)} />
            {day.comidas.map((meal, mealIndex) => (
              <MealCard
                key={`${mealIndex}-${meal.nombre}`}
                dayType={day.tipo_dia}
                meal={meal}
                index={mealIndex}
                count={day.comidas.length}
                time={timeOf(meal.nombre)}
                options={options}
                push={push}
              />
            ))}
          </Stack>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function LevelDot({ level }: { level: 'warn' | 'block' }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Badge
      size="xs"
      circle
      color={level === 'block' ? 'red' : 'yellow'}
      aria-label={t(`editor.nutrition.level.${level}`)}
    >
      !
    </Badge>
  );
}

const ROWS = [
  { key: 'kcal', label: 'plan.kcal' },
  { key: 'proteina_g', label: 'plan.protein' },
  { key: 'carbohidratos_g', label: 'plan.carbs' },
  { key: 'grasa_g', label: 'plan.fat' },
] as const;

function signedPercent(ratio: number): string {
  const pct = Math.round(ratio * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${formatNumber(Math.abs(pct))} %`;
}

/** The day's totals from the food table against its targets, at the audit's tolerances, as the coach types. */
export function DayTotals({ totals }: { totals: DayTotalsAgainstTargets | null }): React.JSX.Element {
  const { t } = useTranslation();
  if (!totals) return <Text c="dimmed">{t('editor.nutrition.noTotals')}</Text>;
  const byNutrient = new Map(totals.nutrients.map((n) => [n.nutrient, n]));
  return (
    <Card withBorder padding="sm" data-testid="editor-day-totals" data-level={totals.level}>
      <Group justify="space-between" mb={4}>
        <Title order={2} size="h5">
          {t('editor.nutrition.totalsTitle', { day: t(enumLabelKey('tipo_dia', totals.day_type)) })}
        </Title>
        <Badge
          variant="light"
          color={totals.level === 'ok' ? 'teal' : totals.level === 'warn' ? 'yellow' : 'red'}
          data-testid="editor-day-level"
        >
          {t(`editor.nutrition.level.${totals.level}`)}
        </Badge>
      </Group>
      <Table fz="sm" withTableBorder={false} aria-live="polite">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plan.menuTotals.nutrient')}</Table.Th>
            <Table.Th>{t('plan.menuTotals.menu')}</Table.Th>
            <Table.Th>{t('plan.menuTotals.target')}</Table.Th>
            <Table.Th>{t('plan.menuTotals.difference')}</Table.Th>
            <Table.Th>{t('editor.nutrition.tolerance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ROWS.map((row) => {
            const n = byNutrient.get(row.key);
            return (
              <Table.Tr key={row.key} data-testid={`editor-total-${row.key}`} data-level={n?.level ?? 'ok'}>
                <Table.Td>{t(row.label)}</Table.Td>
                <Table.Td fw={600} data-testid="editor-total-value">
                  {formatNumber(totals.totals[row.key])}
                </Table.Td>
                <Table.Td>{n ? formatNumber(n.target) : '—'}</Table.Td>
                <Table.Td>{n && n.target > 0 ? signedPercent(n.ratio) : '—'}</Table.Td>
                <Table.Td>
                  {n && (
                    <Badge
                      size="sm"
                      variant="light"
                      color={n.level === 'ok' ? 'teal' : n.level === 'warn' ? 'yellow' : 'red'}
                      title={t('editor.nutrition.toleranceHint', {
                        warn: Math.round(n.tolerance.warn * 100),
                        block: Math.round(n.tolerance.block * 100),
                      })}
                    >
                      {t(`editor.nutrition.within.${n.level}`)}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
          <Table.Tr>
            <Table.Td>{t('plan.menuTotals.fibre')}</Table.Td>
            <Table.Td fw={600}>{formatNumber(totals.fibre.total)}</Table.Td>
            <Table.Td>{`≥ ${formatNumber(FIBRE_MIN_G)}`}</Table.Td>
            <Table.Td />
            <Table.Td>
              <Badge size="sm" variant="light" color={totals.fibre.low ? 'yellow' : 'teal'}>
                {t(totals.fibre.low ? 'editor.nutrition.fibreLow' : 'editor.nutrition.within.ok')}
              </Badge>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {totals.unknown.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('editor.nutrition.unknownFoods', { foods: totals.unknown.join(', ') })}
        </Text>
      )}
    </Card>
  );
}

type Meal = StoredMenuDay['comidas'][number];

function MealCard({
  dayType,
  meal,
  index,
  count,
  time,
  options,
  push,
}: {
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
        <Title order={3} size="h5">
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
              {dish.ingredientes.map((ingredient, itemIndex) => {
                const item = { ...at, dish: dishIndex, item: itemIndex };
                return (
                  <Group
                    key={`${itemIndex}-${ingredient.alimento_id ?? ingredient.alimento}`}
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
                      onPick={(food_id) => push({ type: 'replace_food', ...item, food_id })}
                    />
                    <EditNumber
                      label={
                        itemIndex === 0
                          ? t('editor.nutrition.grams')
                          : t('editor.nutrition.gramsOf', { food: ingredient.alimento })
                      }
                      hideLabel={itemIndex > 0}
                      value={ingredient.cantidad_g}
                      min={GRAMS.min}
                      max={GRAMS.max}
                      w={96}
                      testId="editor-grams"
                      onCommit={(grams) => push({ type: 'set_grams', ...item, grams })}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mb={4}
                      disabled={dish.ingredientes.length <= 1}
                      aria-label={t('editor.nutrition.removeFood', { food: ingredient.alimento })}
                      onClick={() => push({ type: 'remove_food', ...item })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                );
              })}
              <AddFood
                dish={dish.nombre}
                options={options}
                onAdd={(food_id, grams) => push({ type: 'add_food', ...at, dish: dishIndex, food_id, grams })}
              />
            </Stack>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

function MealTime({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string | undefined;
  onCommit: (hora: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <TextInput
      type="time"
      size="xs"
      w={110}
      label={t('editor.nutrition.time')}
      aria-label={label}
      disabled={value === undefined}
      value={text}
      data-testid="editor-meal-time"
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        if (HORA.test(next) && next !== value) onCommit(next);
      }}
    />
  );
}

function AddFood({
  dish,
  options,
  onAdd,
}: {
  dish: string;
  options: PickOption[];
  onAdd: (foodId: string, grams: number) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [food, setFood] = useState<string | null>(null);
  const [grams, setGrams] = useState(NEW_FOOD_GRAMS);
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <OptionPicker
        label={t('editor.nutrition.addFoodLabel', { dish })}
        hideLabel
        placeholder={t('editor.nutrition.addFood')}
        options={options}
        value={food}
        w={280}
        testId="editor-add-food"
        onPick={setFood}
      />
      <EditNumber
        label={t('editor.nutrition.newGrams', { dish })}
        hideLabel
        value={grams}
        min={GRAMS.min}
        max={GRAMS.max}
        w={96}
        onCommit={setGrams}
      />
      <Button
        size="xs"
        variant="light"
        mb={2}
        leftSection={<IconPlus size={14} />}
        disabled={!food}
        onClick={() => {
          if (!food) return;
          onAdd(food, grams);
          setFood(null);
          setGrams(NEW_FOOD_GRAMS);
        }}
      >
        {t('editor.nutrition.add')}
      </Button>
    </Group>
  );
}
