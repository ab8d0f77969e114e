/**
 * The one conform setup every form uses: server errors from `lastResult`, the page's values as
 * defaults, and client validation with a zod schema that loads after the page (see
 * use-lazy-validation). Forms that validate on blur revalidate as the person types.
 */
import { useForm, type SubmissionResult } from '@conform-to/react';
import type { z, ZodType } from 'zod';

/* eslint-disable @typescript-eslint/no-explicit-any -- conform types form values as Record<string, any> */
import { useLazyValidation } from '~/components/ui/use-lazy-validation';

export function useSchemaForm<S extends ZodType<Record<string, unknown>, Record<string, any>>>({
  id,
  lastResult,
  defaultValue,
  schema,
  validate = 'onBlur',
}: {
  id?: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Partial<Record<keyof z.input<S>, unknown>> | Record<string, unknown>;
  /** `() => import('~/schemas/<area>').then((m) => m.SomeSchema)` */
  schema: () => Promise<S>;
  validate?: 'onBlur' | 'onSubmit';
}) {
  return useForm<z.input<S>, z.output<S>>({
    id,
    lastResult,
    defaultValue: defaultValue as never,
    onValidate: useLazyValidation(schema),
    shouldValidate: validate,
    shouldRevalidate: 'onInput',
  });
}
