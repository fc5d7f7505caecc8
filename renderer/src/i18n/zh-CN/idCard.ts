/** ID-card readers: the keyboard-wedge burst, the 读卡 comparison, the desk's reader setting. */
export const idCardZh = {
  'idCard.wedge.read': '已由读卡器录入，号码校验通过',
};
