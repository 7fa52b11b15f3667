/*
 * Texts of the coach's plan editor (issue 16): training and nutrition edits, pickers, live
 * re-audit and totals, saving a version. Spanish first; `editorEn` must have the same keys.
 */
export const editorEs = {
  title: 'Editar plan',
};

export const editorEn: typeof editorEs = {
  title: 'Edit plan',
};
