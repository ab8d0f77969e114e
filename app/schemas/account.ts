import { z } from 'zod';
import { TIME_ZONE_CHOICES, type ChosenTimeZone } from '~/domain/history/time';

const ZONES = TIME_ZONE_CHOICES.map((c) => c.zone) as [ChosenTimeZone, ...ChosenTimeZone[]];

/** A person's own account settings: the time zone every moment is shown in. */
export const AccountSettingsSchema = z.object({
  timeZone: z.enum(ZONES, { error: 'Choose a time zone from the list.' }),
});
