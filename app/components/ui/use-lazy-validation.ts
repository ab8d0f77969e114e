/**
 * Client-side validation whose zod schema loads after the page does. zod and the schemas are a
 * fifth of the first-load JavaScript (scripts/bench.mjs), yet needed only once someone types.
 * Until they arrive (a moment after hydration) conform leaves validation to the server, which
 * always validates, as it does without JavaScript.
 */
import type { Submission } from '@conform-to/react';
import { useEffect, useState } from 'react';
import type { z, ZodType } from 'zod';

type Validate<S extends ZodType> = (context: {
  formData: FormData;
}) => Submission<z.input<S>, string[], z.output<S>>;

export function useLazyValidation<S extends ZodType>(
  loadSchema: () => Promise<S>,
): Validate<S> | undefined {
  const [validate, setValidate] = useState<Validate<S>>();
  useEffect(() => {
    let live = true;
    void Promise.all([loadSchema(), import('@conform-to/zod/v4')]).then(
      ([schema, { parseWithZod }]) => {
        if (live)
          setValidate(
            () =>
              ({ formData }: { formData: FormData }) =>
                parseWithZod(formData, { schema }),
          );
      },
    );
    return () => {
      live = false;
    };
    // The schema a form validates with does not change while it is on the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return validate;
}
