/**
 * The server bundle's entry (see vite.config.ts): the Express app plus the commands that
 * server.js runs before serving or on their own (migrate, seed, create-admin, check-schema, copy, backup, restore,
 * mail-digest, reindex, document).
 */
export { app } from './app';
export { startCollab } from './collab';
export { startHousekeeping } from './housekeeping';
export { gatherDigestsNow, startMailer } from './mailer';
export { createAdminAccount } from './admin';
export { copySqliteWorkspace } from './copy';
export { backupWorkspace, restoreWorkspace } from '#db/backup';
export { renderPmcDocument } from '~/render/pmc/document.server';
export {
  checkDatabaseSchema,
  closeDb,
  demoAccountsSetting,
  demoAccountsWanted,
  prepareDatabase,
  reindexSearch,
} from './startup';
