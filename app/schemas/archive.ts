import { z } from 'zod';
import { DELETE_REASON_MAX, DELETE_REASON_MIN } from '~/domain/archive';
import { VersionField } from './common';

/** Archiving or restoring a record: the version its page was opened at. */
export const ArchiveSchema = z.object({
  intent: z.enum(['archive', 'restore'], { error: 'Choose to archive or to restore.' }),
  version: VersionField,
});

/** Deleting a record for good: an OMB lead says why, in words the audit log keeps. */
export const DeleteSchema = z.object({
  reason: z
    .string({ error: 'Say why this record is deleted for good.' })
    .trim()
    .min(
      DELETE_REASON_MIN,
      `Say why this record is deleted for good, in at least ${DELETE_REASON_MIN} characters.`,
    )
    .max(
      DELETE_REASON_MAX,
      `The reason must be at most ${DELETE_REASON_MAX.toLocaleString('en-US')} characters.`,
    ),
});
