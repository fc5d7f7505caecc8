import type { packagesZh } from '../zh-CN/packages';

export const packagesEn: Record<keyof typeof packagesZh, string> = {
  'nav.packages': 'Sync packages',
  'packages.title': 'Sync packages (offline transfer)',
  'packages.intro':
    'Without a network, a supervisor exports the changes HQ has not confirmed yet to a sync package and takes it to the county bureau on a USB stick; the package HQ returns is imported here. Packages are encrypted and signed: only HQ and this office can open them, and an altered file is refused.',
  'packages.supervisorOnly':
    'Supervisors only: sync packages are exported and imported by a supervisor.',
  'packages.fileFilter': 'Civil-affairs sync package',
  'packages.phase.reading': 'Reading changes',
  'packages.phase.compressing': 'Compressing',
  'packages.phase.encrypting': 'Encrypting',
  'packages.phase.signing': 'Signing',
  'packages.phase.checking': 'Checking signature and order',
  'packages.phase.decrypting': 'Decrypting',
  'packages.phase.applying': 'Writing to this desk',
  'packages.phase.done': 'Done',
  'packages.phase.counted': '{phase} ({done}/{total})…',
  'packages.phase.plain': '{phase}…',
  'packages.export.title': 'Export a sync package',
  'packages.export.intro':
    'Exports every change HQ has not confirmed yet, and tells HQ which of its changes this desk already has, so the return package carries only what is new here.',
  'packages.export.queued': 'Changes waiting for HQ: {count}.',
  'packages.export.nothingQueued':
    "No changes are waiting for HQ. You can still export a package: it carries none of this desk's changes and asks HQ for its latest ones.",
  'packages.export.button': 'Export sync package',
  'packages.export.running': 'Exporting…',
  'packages.export.done': 'Sync package no. {number} made',
  'packages.export.empty': 'Carries no changes of this desk; it only asks HQ for its changes.',
  'packages.export.saved': 'Saved to: {path}',
  'packages.export.downloaded':
    "Downloaded. Find the file in the browser's downloads and copy it to the USB stick.",
  'packages.export.cancelled':
    'Saving was cancelled; this export was dropped (not kept in the history). Export again when needed.',
  'packages.export.saveAgain': 'Save another copy…',
  'packages.import.title': 'Import a sync package',
  'packages.import.intro':
    'Imports the package HQ returned (its name says 下发). Its signature is checked and its contents shown first; nothing is written until you confirm, and nothing at all if any step fails.',
  'packages.import.choose': 'Choose package file…',
  'packages.import.reading': 'Opening…',
  'packages.import.previewTitle': 'In this package (not imported yet)',
  'packages.import.confirm': 'Import',
  'packages.import.applying': 'Importing…',
  'packages.import.done':
    "Package no. {number} imported: {new} HQ changes written, {applied} of this desk's changes confirmed by HQ.",
  'packages.import.conflicts':
    '{count} edits conflict with edits made elsewhere; check them under Conflicts.',
  'packages.import.rejected':
    "HQ refused {count} of this desk's changes; the reasons are at the bottom of the Conflicts page.",
  'packages.import.showConflicts': 'Show conflicts',
  'packages.import.another': 'Import another package…',
  'packages.fact.file': 'File name',
  'packages.fact.sender': 'From',
  'packages.fact.receiver': 'To',
  'packages.fact.number': 'Package no.',
  'packages.fact.createdAt': 'Made at',
  'packages.fact.createdBy': 'Made by',
  'packages.fact.total': 'Changes',
  'packages.fact.counts': 'Records by kind',
  'packages.fact.dateRange': 'Changes made',
  'packages.fact.hqChanges': 'HQ changes',
  'packages.fact.acknowledged': "This desk's changes",
  'packages.value.total': '{count}',
  'packages.value.countItem': '{kind} {count}',
  'packages.value.separator': ', ',
  'packages.value.dateRange': '{from} to {to}',
  'packages.value.hqChanges': '{total} in all, {new} of them not yet received here',
  'packages.value.acknowledged':
    '{applied} accepted by HQ, {conflicts} conflicts, {rejected} refused',
  'packages.value.stillQueued': ' ({count} of them leave the queue on import)',
  'packages.party.hq': 'HQ (county bureau)',
  'packages.party.office': 'Office {officeId}',
  'packages.party.device': 'A computer of office {officeId} ({deviceId})',
  'packages.history.title': 'Package history',
  'packages.history.intro':
    'Packages exported and imported at this desk. An exported package shows "Confirmed" once HQ holds all its changes (by a return package or by online sync).',
  'packages.history.empty': 'No package exported or imported yet.',
  'packages.history.col.direction': 'Direction',
  'packages.history.col.number': 'No.',
  'packages.history.col.file': 'File name',
  'packages.history.col.time': 'Time',
  'packages.history.col.by': 'By',
  'packages.history.col.total': 'Records',
  'packages.history.col.status': 'HQ confirmed',
  'packages.history.exported': 'Exported',
  'packages.history.imported': 'Imported',
  'packages.history.acknowledged': 'Confirmed',
  'packages.history.pending': 'Not yet',
  'packages.stream.ops': "this desk's changes",
  'packages.stream.office': "this office's changes",
  'packages.stream.reference': 'HQ reference data (standards, calendar)',
  'package.not_a_package': 'This is not a sync package (.mzpkg), or the file is damaged.',
  'package.unsupported_version':
    "This desk does not support the package's format version. Update the desk, or ask HQ to make it for this version.",
  'package.truncated':
    'The package file is incomplete (perhaps the copy to the USB stick did not finish). Copy it again.',
  'package.wrong_direction':
    'This package goes from an office to HQ (上报) and cannot be imported at an office. Choose the package HQ returned (下发).',
  'package.wrong_receiver': 'This package is not meant for this office; refused.',
  'package.not_for_this_device':
    'This package was not encrypted for this desk (perhaps the desk connected to HQ after it was made). Ask HQ to make it again.',
  'package.unknown_signer': 'The package is not signed by the HQ this desk trusts; refused.',
  'package.bad_signature': "The package's signature does not match: the file was altered; refused.",
  'package.payload_damaged':
    "The package's contents are damaged or altered; nothing was imported. Copy it again or ask HQ to make it again.",
  'package.too_large':
    'The package unpacks to more than {limitMb} MB, more than this program can handle at once; nothing was imported. Contact HQ technical staff.',
  'package.foreign_content': 'The package carries data of another office or computer; refused.',
  'package.refused_changes':
    'The package carries {count} HQ change(s) this desk may not take; nothing was imported. See “HQ changes this desk refused” under Conflicts to resolve, and tell HQ.',
  'package.duplicate': 'Package no. {number} was imported before; nothing changed.',
  'package.replay':
    'Package no. {number} is older than no. {last}, already imported; not imported.',
  'package.gap':
    'An earlier package is missing: {stream} {from}–{to} have not arrived, so this one was not imported. Import the package that carries them first.',
  'package.not_enrolled':
    'This desk is not connected to HQ and has no package keys. Connect it under HQ sync first (once, online).',
  'packages.goEnroll': 'Go to HQ sync',
  'packages.error.forbidden': 'Only a supervisor may export or import sync packages.',
  'packages.error.fileLocked':
    'The file cannot be read or written (in use, read-only, or the USB stick was removed).',
  'packages.error.fileGone': 'The file no longer exists (the USB stick may have been removed).',
  'packages.error.diskFull': 'The USB stick or disk is full; the file was not saved.',
};
