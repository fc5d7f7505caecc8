/** 数据加密存储 (issue #16 item 1): opening a locked store with the recovery words. */
export const atRestZh = {
  'atRest.recovery.open': '密码无法打开本机数据？使用恢复密钥',
  'atRest.recovery.intro':
    '本机数据已加密。若此账户尚未在本机登录过，或密码是在其他电脑上修改的，请输入办公室的 24 个字的恢复密钥打开本机数据，然后用自己的密码登录。',
  'atRest.recovery.words': '恢复密钥（24 个字，以空格分隔）',
  'atRest.recovery.unlock': '打开本机数据',
  'atRest.recovery.failed': '这些字打不开本机数据：请逐字核对。',
  'atRest.recovery.unavailable': '恢复密钥功能未能载入：请重新载入页面后再试。',
  'atRest.recovery.opened': '本机数据已打开。请用您的用户名和密码登录。',
  'atRest.progress.seal.title': '正在加密本机数据',
  'atRest.progress.reseal.title': '正在更新本机数据的加密格式',
  'atRest.progress.body':
    '本机的数据正在逐条处理，只做这一次。请不要关闭程序或电脑；中途关闭不会丢失数据，下次打开时会重新进行。',
  'atRest.progress.count': '已处理 {done} / {total} 条',
  'atRest.progress.elsewhere.title': '本机数据的加密正在更新，请稍候',
  'atRest.progress.elsewhere.body':
    '本工作台的后台同步或另一个窗口正在逐条处理本机数据，只做这一次。完成后这里会自动继续，不必重新登录。',
} as const;
