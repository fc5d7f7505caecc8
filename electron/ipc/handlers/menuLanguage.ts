/** 'app:setMenuLanguage': the renderer owns the language switch; the native menu follows it. */
import { z } from 'zod';
import type { MenuLanguage } from '@shared/ipc/contract';
import type { IpcHandlers } from '../registerHandlers';
import { parseRequest } from '../parseRequest';
import { menuLabels } from '../../menuLabels';

// Accept exactly the languages the label table has words for.
const languages = Object.keys(menuLabels) as [MenuLanguage, ...MenuLanguage[]];
const requestSchema = z.object({ language: z.enum(languages) });

export function menuLanguageHandlers(
  applyMenu: (language: MenuLanguage) => void,
): Pick<IpcHandlers, 'app:setMenuLanguage'> {
  return {
    'app:setMenuLanguage': (request) => {
      applyMenu(parseRequest(requestSchema, request).language);
    },
  };
}
