/** Loose ends of issue 12: a search that finds no resident, a repair reason never given. */
export const looseEndsZh = {
  'elderly.resident.noResults': '没有找到匹配的入住老人',
  'elderly.fix.reasonMissing':
    '这张床位设为维修时还没有“维修原因”一项，原因未记录。请点“补填维修原因”记下。',
  'elderly.fix.addMissingReason': '补填维修原因',
  'common.confirmAction': '{action}？',
  'cases.form.resetConfirmText': '已填写的申请信息（家庭、成员、收入和财产）将被清除，且无法恢复。',
  'cases.edit.discardConfirmText': '本次填写的更正将被放弃，表单恢复为案件当前保存的内容。',
} as const;
