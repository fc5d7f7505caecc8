/** Messages of the shared validators (shared/validation): dates, phones, codes, counts. */
export const rulesZh = {
  'date.in_future': '日期不能晚于今天（{today}）',
  'field.phone':
    '电话号码格式不对：手机号为 1 开头的 11 位数字，固定电话如 0731-84561234（分机如 -801）',
  'field.whole_number': '请填写整数',
  'code.area_province': '行政区划代码 {value} 的前两位不是省级代码（如 33 浙江、43 湖南）',
  'code.area_prefecture': '行政区划代码第 3、4 位不能是 00，请填写县（市、区）级代码，如 430121',
  'code.office_letter_in_digits':
    '办公室代码以数字开头却含有字母，是否把数字 0 输成了字母 O、把 1 输成了字母 I 或 l？',
  'code.office_digits_length':
    '数字办公室代码应为 9 位：县级行政区划代码 6 位加乡镇（街道）3 位，如 330102001',
  'settings.office_id_mismatch': '两次输入的办公室代码不一致',
  'auth.officeIdConfirm': '再次输入办公室代码',
  'auth.officeIdConfirmHelp': '请逐位核对后再输入一次',
  'auth.officeIdPermanent':
    '办公室代码是本机每条记录的同步标识，设置后永远不能更改。请对照县局分配的代码逐位核对，并在下方再输入一次。',
  'registry.member.fromId': '由身份证号码得出',
} as const;
