// Desks the e2e files run in Node (beside the browser: a desk that syncs with the HQ a
// console test starts) seal their stores as the app does (test/support/testDataKeys.ts).
import { useTestDataKeys } from '../support/testDataKeys';

useTestDataKeys();
