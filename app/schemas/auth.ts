import { z } from 'zod';

/** The sign-in form, shared by the browser (conform) and the server action. */
export const SignInSchema = z.object({
  email: z
    .string({ error: 'Enter your email address.' })
    .trim()
    .max(254, 'That email address is too long.')
    .pipe(z.email('Enter an email address like name@agency.gov.')),
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(256, 'That password is too long.'),
  redirectTo: z.string().max(2000).optional(),
});
