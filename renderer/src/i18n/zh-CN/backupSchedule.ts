/** Scheduled backups, first-run restore (issue #16 item 2, second part). */
export const backupScheduleZh = {
  'backup.schedule.title': '定时备份',
  'backup.schedule.intro.desktop':
    '到了设定的时间，只要有人登录，本机就会自动备份到所选文件夹，不用再问。文件夹只保留最近的几份本机备份，其他文件不会动。',
  'backup.schedule.intro.web':
    '浏览器版不能自动把文件写进文件夹：到了设定的时间，状态栏会提醒主管到本页手动备份。',
  'backup.schedule.frequency': '频率',
  'backup.schedule.off': '不定时备份',
  'backup.schedule.daily': '每天',
  'backup.schedule.weekly': '每周',
  'backup.schedule.time': '时间',
  'backup.schedule.weekday': '星期',
  'backup.schedule.weekday.1': '星期一',
  'backup.schedule.weekday.2': '星期二',
  'backup.schedule.weekday.3': '星期三',
  'backup.schedule.weekday.4': '星期四',
  'backup.schedule.weekday.5': '星期五',
  'backup.schedule.weekday.6': '星期六',
  'backup.schedule.weekday.7': '星期日',
  'backup.schedule.keep': '保留份数',
  'backup.schedule.folder': '备份文件夹：{folder}',
  'backup.schedule.folder.none': '备份文件夹：尚未选择',
  'backup.schedule.folder.choose': '选择文件夹…',
  'backup.schedule.save': '保存设置',
  'backup.schedule.saved': '已保存。',
  'backup.schedule.needFolder': '定时备份前请先选择备份文件夹。',
  'backup.schedule.overdue': '定时备份已逾期',
  'backup.schedule.remind': '到备份时间了，请备份',
  'backup.schedule.made': '已自动备份：{file}',
  'backupSchedule.keep': '请输入 {min} 到 {max} 之间的整数',
  'backupSchedule.invalid': '请检查此项',
  'backup.no_folder': '尚未选择备份文件夹。',
  'backup.folder_gone': '备份文件夹已不存在（U盘拔掉了？），请重新选择。',
  'backup.not_a_folder': '请选择一个已有的文件夹。',
  'backup.upgrade_failed':
    '这个备份由旧版本（数据版本 {version}）制作，升级到本版本时出错，已拒绝，本机数据没有变化。原因：{reason}',
  'firstRun.restore.title': '从备份恢复',
  'firstRun.restore.intro':
    '换了新电脑？用旧电脑的备份文件和恢复密钥（24 个字）把全部数据恢复到这台电脑上，然后用原来的账号登录。',
  'firstRun.restore.open': '从备份恢复…',
  'firstRun.restore.back': '返回，设置新工作台',
  'firstRun.key.title': '最后一步：记下恢复密钥',
  'firstRun.key.intro':
    '恢复密钥是 24 个汉字，只在这里显示一次。它能在新电脑上打开本办公室的备份，也能在所有密码都遗失时打开本机数据。请抄写或打印，锁好，不要和备份文件放在一起。',
  'firstRun.key.later': '稍后设置',
  'firstRun.key.laterWarning':
    '没有恢复密钥，备份无法在新电脑上打开。稍后设置的，由主管在「备份与恢复」页设置。',
};
