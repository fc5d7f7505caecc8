import type { idCardZh } from '../zh-CN/idCard';

export const idCardEn: Record<keyof typeof idCardZh, string> = {
  'idCard.wedge.read': 'Entered by the card reader; the number checks out',

  'idCard.read': 'Read card',
  'idCard.reading': 'Reading…',
  'idCard.dialog.title': 'ID card reading',
  'idCard.col.field': 'Field',
  'idCard.col.card': 'On the card',
  'idCard.col.form': 'In the form (registry)',
  'idCard.field.name': 'Name',
  'idCard.field.idNumber': 'ID number',
  'idCard.field.sex': 'Sex',
  'idCard.field.birthDate': 'Birth date',
  'idCard.field.address': 'Address (household registration)',
  'idCard.field.nation': 'Ethnicity',
  'idCard.field.issuer': 'Issued by',
  'idCard.field.validFrom': 'Valid from',
  'idCard.field.validTo': 'Valid to',
  'idCard.field.photo': 'Photo',
  'idCard.field.code': 'Result code',
  'idCard.field.answer': 'Answer',
  'idCard.differs': 'Differs',
  'idCard.agrees': 'Same',
  'idCard.empty': '(empty)',
  'idCard.notKept': '(not kept in the registry)',
  'idCard.take': 'Take',
  'idCard.takeAll': 'Take everything from the card',
  'idCard.summary.differs': '{n} field(s) differ from the card, marked in red.',
  'idCard.summary.same': 'The form agrees with the card.',
  'idCard.unsavedNote': 'Taken values only fill the form; nothing is registered until you save.',
  'idCard.photoNote': 'The photo is for checking in person only; it is not stored.',
  'idCard.validity': 'Valid {from} to {to}',
  'idCard.longTerm': 'no expiry',
  'idCard.close': 'Close',
  'idCard.retry': 'Read again',

  'idCard.error.reader_offline':
    'The card reader does not answer: check that it is connected, its service is running and the address in Settings is right.',
  'idCard.error.reader_timeout':
    'Reading timed out: lay the card flat on the reader and try again.',
  'idCard.error.no_card': 'There is no card on the reader: place the card and read again.',
  'idCard.error.reader_busy': 'The reader is busy; try again in a moment.',
  'idCard.error.reader_fault':
    'The reader reported an error: place the card again or restart its service.',
  'idCard.error.answer_too_large': "The reader service's answer was too large and was refused.",
  'idCard.error.answer_malformed':
    "The reader service's answer could not be understood and was refused.",
  'idCard.error.answer_invalid':
    "The reader service's answer failed its checks and was refused. Fields: {fields}",
  'idCard.error.not_in_browser': 'The browser build cannot read cards; use the desktop app.',
  'idCard.error.other': 'Reading the card failed.',

  'idCard.url.invalid': 'Not a valid address; expected http://127.0.0.1:port/path',
  'idCard.url.notLoopback': 'Only an address on this computer (127.0.0.1, localhost or [::1])',

  'idCard.settings.title': 'ID card reader (this computer)',
  'idCard.settings.intro':
    "The address of this computer's card-reader service. Kept on this computer only, never synced; only local addresses are accepted. Readers that type like a keyboard need no setting.",
  'idCard.settings.url': 'Reader service address',
  'idCard.settings.urlHelp':
    'e.g. http://127.0.0.1:19196/api/readcard; leave empty when this computer has no reader',
  'idCard.settings.save': 'Save reader address',
  'idCard.settings.saved': 'Saved. The registry forms now show “Read card”.',
  'idCard.settings.removed': 'Cleared. This computer no longer uses a reader service.',
};
