import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import { EMPTY_ITEM, ItemFields, useItemForm } from '~/components/burden/item-form';
import { TextField } from '~/components/ui/field';
import { IntentFields } from '~/components/ui/intent-fields';
import { RemoveButton } from '~/components/ui/removal';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { dollars } from '~/domain/burden/display';
import { fromScaled } from '~/domain/burden/units';
import { pluralize } from '~/domain/plural';
import { segmentRemoval, type AssessmentView } from '~/presenters/burden';

type Reply = { intent: string; result?: SubmissionResult<string[]> } | undefined;

const resultFor = (reply: Reply, intent: string) =>
  reply?.intent === intent ? reply.result : undefined;

/**
 * The assessment page's four forms (add an item, add a segment, copy to a to-be, wage and
 * details), each with the answer the action gave it.
 */
export function useAssessmentForms(d: AssessmentView, reply: Reply) {
  const a = d.assessment;
  // The add-item form's id follows the number of items: once one is added, conform starts the
  // next with empty fields (a new id resets it), and its summary can sit at the top of the page.
  const item = useItemForm({
    id: `add-item-${d.items.length}`,
    defaults: EMPTY_ITEM,
    lastResult: resultFor(reply, 'add_item'),
  });
  const segment = useSchemaForm({
    id: 'segment',
    lastResult: resultFor(reply, 'add_segment'),
    schema: () => import('~/schemas/burden').then((m) => m.SegmentSchema),
  });
  const details = useSchemaForm({
    id: 'details',
    lastResult: resultFor(reply, 'details'),
    defaultValue: {
      title: a.title,
      serviceName: a.service_name,
      journeyMapId: a.journey_map_id ? String(a.journey_map_id) : '',
      wageDollars: a.wage_cents === null ? '' : fromScaled(a.wage_cents, 2),
      wageSource: a.wage_source,
      multiplier: fromScaled(a.multiplier_milli, 3),
    },
    schema: () => import('~/schemas/burden').then((m) => m.AssessmentSchema),
  });
  // The copy form checks its title on the server only.
  const copy = useForm({
    id: 'copy',
    lastResult: resultFor(reply, 'copy'),
    defaultValue: { title: `${a.title} (to-be)` },
  });
  return { item, segment, details, copy };
}

/** The forms of an assessment's page, for those who may edit it. */
export function AssessmentForms({
  d,
  version,
  forms,
}: {
  d: AssessmentView;
  version: number;
  forms: ReturnType<typeof useAssessmentForms>;
}) {
  const a = d.assessment;
  const [itemForm, itemFields] = forms.item;
  const [segForm, segFields] = forms.segment;
  const [copyForm, copyFields] = forms.copy;
  const [detForm, detFields] = forms.details;
  return (
    <>
      <section aria-labelledby="add-item-heading">
        <h2 id="add-item-heading">Add an item</h2>
        <ItemFields
          key={itemForm.id}
          form={itemForm}
          fields={itemFields}
          steps={d.steps}
          hidden={{ intent: 'add_item', version }}
          submitLabel="Add item"
        />
      </section>

      <section aria-labelledby="segments-heading">
        <h2 id="segments-heading">Segments</h2>
        {d.segments.length > 0 ? (
          <ul className="usa-list">
            {d.segments.map((s) => (
              <li key={s.id}>
                {s.name}: {s.share}% of the people affected
                {s.timePercent !== 100
                  ? `, taking ${s.timePercent}% of the base time on each item`
                  : ''}
                {s.overrides ? `, with its own figures on ${pluralize(s.overrides, 'item')}` : ''}{' '}
                <Link to={`/burden/${a.id}/segments/${s.id}`}>
                  Edit<span className="usa-sr-only"> segment {s.name}</span>
                </Link>{' '}
                <RemoveButton
                  removal={segmentRemoval(s)}
                  fields={{ intent: 'delete_segment', segmentId: s.id, version }}
                  label="Remove"
                  srLabel={`segment ${s.name}`}
                  buttonClassName="usa-button usa-button--unstyled"
                  formClassName="display-inline"
                />
              </li>
            ))}
          </ul>
        ) : null}
        <p>
          A segment’s time can follow the base items as a percentage (160 for 60% more time): then
          an edit to an item, in a to-be too, carries into the segment. Give a segment its own
          minutes or costs for one item on that item’s page; those take precedence.
        </p>
        <Form method="post" className="usa-form" {...getFormProps(segForm)}>
          <IntentFields intent="add_segment" version={version} />
          <TextField
            field={segFields.name}
            label="Segment name"
            hint="For example: People with limited English proficiency"
          />
          <TextField
            field={segFields.sharePercent}
            label="Share of the people affected (percent)"
          />
          <TextField
            field={segFields.timePercent}
            label="Their time as a percentage of the base items’ (optional)"
            hint="100 or empty: the same as everyone else. 160: 60% more time on each item, for example with an interpreter."
          />
          <TextField
            field={segFields.wageDollars}
            label="Their hourly wage, if different (dollars)"
          />
          <button type="submit" className="usa-button">
            Add segment
          </button>
        </Form>
      </section>

      <section aria-labelledby="copy-heading">
        <h2 id="copy-heading">Plan a to-be</h2>
        <p>
          Copies every item and segment
          {a.journey_map_id ? ' onto the journey’s to-be version, if it has one' : ''}, so you can
          lower the figures and see the savings.
        </p>
        <Form method="post" className="usa-form" {...getFormProps(copyForm)}>
          <IntentFields intent="copy" />
          <TextField field={copyFields.title} label="Title of the to-be assessment" />
          <button type="submit" className="usa-button usa-button--outline">
            Copy to a to-be
          </button>
        </Form>
      </section>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Wage and details</h2>
        <Form method="post" className="usa-form usa-form--large" {...getFormProps(detForm)}>
          <IntentFields intent="details" version={version} />
          {a.journey_map_id ? (
            <input type="hidden" name="journeyMapId" value={a.journey_map_id} />
          ) : (
            <input type="hidden" name="serviceName" value={a.service_name} />
          )}
          <TextField field={detFields.title} label="Title" />
          <TextField
            field={detFields.wageDollars}
            label="Hourly wage (dollars)"
            hint={`Leave empty for the workspace default (${dollars(BigInt(d.wage.defaultWage.cents), 1n)}).`}
          />
          <TextField field={detFields.wageSource} label="Wage source" />
          <TextField
            field={detFields.multiplier}
            label="Loaded-wage multiplier"
            hint="1 for none; 1.6 adds 60% for fringe benefits."
          />
          <button type="submit" className="usa-button">
            Save details
          </button>
        </Form>
      </section>
    </>
  );
}
