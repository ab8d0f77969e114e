/**
 * One portfolio of a PMC update's preview: its highlights, burden and research figures, the
 * changes since the last published update, and its lists of items. On the portfolio's own view
 * a manager of a draft also orders milestones, leaves items out and annotates them.
 */
import type { SubmissionResult } from '@conform-to/react';
import { Fragment, useContext, useEffect, useRef } from 'react';
import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import { HistorySentence, HistoryTime } from '~/components/history/history-line';
import { FieldError } from '~/components/ui/field';
import { IntentFields } from '~/components/ui/intent-fields';
import { PostForm } from '~/components/ui/post-form';
import { Table } from '~/components/ui/table';
import { freshnessText } from '~/domain/pmc/quarter';
import { pluralize } from '~/domain/plural';
import { MILESTONE_STATUS_LABELS } from '~/domain/portfolio/labels';
import type { PreviewPortfolio } from '~/presenters/pmc';
import { MAX_NOTE_LENGTH } from '~/domain/pmc/texts';
import { LiveNotesContext } from './notes-context';

/** The form's last answer: which form sent it, and conform's result. */
export type LastReply = { intent: string; result: SubmissionResult<string[]> } | undefined;

/** A note that was not saved: its message goes next to that item's note field too. */
function noteErrorsOf(reply: LastReply, key: string) {
  const r = reply?.intent === 'annotate' ? reply.result : undefined;
  if (!r || !('initialValue' in r) || r.initialValue?.key !== key) return undefined;
  return r.error?.text ?? undefined;
}

/** What the person typed in a note that was not saved, to keep it in the field. */
function noteTypedOf(reply: LastReply, key: string): string | undefined {
  const r = reply?.intent === 'annotate' ? reply.result : undefined;
  if (!r || !('initialValue' in r) || r.initialValue?.key !== key) return undefined;
  const typed = r.initialValue?.text;
  return typeof typed === 'string' ? typed : undefined;
}

/**
 * An item's note. Written live when the page has connected (notes-context.ts): the field is bound
 * to the shared note and saves as the person types. Before that, and without JavaScript, a small
 * form: its save compares with the note this page showed (`base`), so a newer one is not lost.
 */
export function NoteForm({
  itemKey,
  text,
  note,
  className,
  reply,
}: {
  itemKey: string;
  text: string;
  note: string | undefined;
  className: string;
  reply: LastReply;
}) {
  const errs = noteErrorsOf(reply, itemKey);
  const live = useContext(LiveNotesContext);
  const field = useRef<HTMLInputElement>(null);
  const ready = live?.ready ?? false;
  const bind = live?.bind;
  useEffect(() => {
    if (!ready || !bind || !field.current) return;
    return bind(itemKey, field.current);
  }, [ready, bind, itemKey]);
  const writers = live?.writers(itemKey) ?? [];
  return (
    <Form
      method="post"
      className={className}
      // Written live, a note has nothing to submit: Enter stays in the field.
      onSubmit={ready ? (e) => e.preventDefault() : undefined}
    >
      <IntentFields intent="annotate" extra={{ key: itemKey, base: note ?? '' }} />
      <FieldError id={`note-${itemKey}-error`} errors={errs} />
      <div className="display-flex" style={{ gap: '0.25rem' }}>
        <label className="usa-sr-only" htmlFor={`note-${itemKey}`}>
          Note on {text}
        </label>
        <input
          ref={field}
          className={`usa-input margin-top-0 height-4${errs?.length ? ' usa-input--error' : ''}`}
          id={`note-${itemKey}`}
          name="text"
          maxLength={MAX_NOTE_LENGTH}
          defaultValue={noteTypedOf(reply, itemKey) ?? note ?? ''}
          placeholder="Note"
          aria-describedby={errs?.length ? `note-${itemKey}-error` : undefined}
        />
        {ready ? null : (
          <button type="submit" className="usa-button usa-button--outline usa-button--small">
            Save note<span className="usa-sr-only"> on {text}</span>
          </button>
        )}
      </div>
      {writers.length > 0 ? (
        <p className="font-body-xs margin-y-05" aria-live="polite">
          {new Intl.ListFormat('en-US').format(writers)} {writers.length === 1 ? 'is' : 'are'}{' '}
          writing this note.
        </p>
      ) : null}
    </Form>
  );
}

/** A button that posts one intent with its hidden fields. */
export function IntentButton({
  intent,
  version,
  extra,
  className,
  formClassName,
  children,
}: {
  intent: string;
  version: number;
  extra?: Record<string, string>;
  className: string;
  formClassName?: string;
  children: React.ReactNode;
}) {
  return (
    <Form method="post" className={formClassName}>
      <IntentFields intent={intent} version={version} extra={extra} />
      <button type="submit" className={className}>
        {children}
      </button>
    </Form>
  );
}

const SMALL_OUTLINE = 'usa-button usa-button--outline usa-button--small';

/**
 * Move up and Move down for the item at `position` of `count`: one form, the button pressed says
 * which way. `what` ends each button's name for screen readers. A `PostForm` to `action` (the
 * page it is on): the overview's sections are markup made on the server
 * (render/pmc/preview.server.tsx), outside the router.
 */
function MoveButtons({
  intent,
  version,
  extra,
  position,
  count,
  what,
  action,
}: {
  intent: string;
  version: number;
  extra: Record<string, string>;
  position: number;
  count: number;
  what: string;
  action: string;
}) {
  if (count < 2) return null;
  return (
    <PostForm action={action} className="display-flex" style={{ gap: '0.5rem' }}>
      <IntentFields intent={intent} version={version} extra={extra} />
      {(['up', 'down'] as const)
        .filter((d) => (d === 'up' ? position > 0 : position < count - 1))
        .map((d) => (
          <button key={d} type="submit" name="direction" value={d} className={SMALL_OUTLINE}>
            {`Move ${d}`}
            <span className="usa-sr-only">{what}</span>
          </button>
        ))}
    </PostForm>
  );
}

interface SectionProps {
  p: PreviewPortfolio;
  updateId: number;
  /** The address of the page the section is on, where its forms post. */
  pageUrl: string;
  portfolioCount: number;
  version: number;
  focused: boolean;
  mayManage: boolean;
  /** What the listed changes are counted from. */
  since: string;
  /** What "New" and "Changed" are counted from. */
  newSince: string;
  reply: LastReply;
}

function More({
  list,
  what,
  p,
}: {
  list: { items: unknown[]; total: number };
  what: string;
  p: PreviewPortfolio;
}) {
  return list.total > list.items.length ? (
    <p>
      <Link to={p.ownUrl}>
        Show all {list.total} {what}
        <span className="usa-sr-only"> of {p.name}</span>
      </Link>
    </p>
  ) : null;
}

function ItemList({
  title,
  list,
  s,
  level,
}: {
  title: string;
  list: { items: { key: string; text: string; detail: string }[]; total: number };
  s: SectionProps;
  /** The heading's element when the list sits under another list's heading. */
  level?: 'h4' | 'h5';
}) {
  const { p } = s;
  const ListHeading = level ?? (s.focused ? 'h3' : 'h4');
  // Items are left out and annotated on a portfolio's own view, where every item is listed.
  const editItems = s.mayManage && s.focused;
  return list.total === 0 ? null : (
    <>
      <ListHeading>
        {title} ({list.total})
      </ListHeading>
      <ul className="usa-list">
        {list.items.map((i) => (
          <li key={i.key}>
            {i.text}
            {i.detail ? <span className="text-base-dark"> ({i.detail})</span> : null}
            {p.annotations[i.key] ? (
              <div className="font-body-xs">Note: {p.annotations[i.key]}</div>
            ) : null}
            {editItems ? (
              <div className="display-flex flex-wrap" style={{ gap: '0.5rem' }}>
                <IntentButton
                  intent="exclude"
                  version={s.version}
                  extra={{ key: i.key }}
                  className="usa-button usa-button--unstyled"
                >
                  Leave out<span className="usa-sr-only">: {i.text}</span>
                </IntentButton>
                <NoteForm
                  itemKey={i.key}
                  text={i.text}
                  note={p.annotations[i.key]}
                  className=""
                  reply={s.reply}
                />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <More list={list} what={title.toLowerCase()} p={p} />
    </>
  );
}

/**
 * What changed, curated (domain/pmc/curate.ts): plain sentences under their kinds, each an item
 * the lead can leave out or annotate; the raw audit entries one click away, in a disclosure.
 */
function ChangeList({ s }: { s: SectionProps }) {
  const { p, newSince } = s;
  const ListHeading = s.focused ? 'h3' : 'h4';
  return (
    <>
      <ListHeading>What changed {newSince}</ListHeading>
      {p.curated.length === 0 ? (
        <p>No phase moves, completed or slipped milestones, clearances or burden reduced.</p>
      ) : (
        p.curated.map((g) => (
          <ItemList
            key={g.kind}
            title={g.heading}
            list={g.list}
            s={s}
            level={s.focused ? 'h4' : 'h5'}
          />
        ))
      )}
      <RawChanges s={s} />
    </>
  );
}

/** Every audited change of the window, newest first, as the audit log says them. */
function RawChanges({ s }: { s: SectionProps }) {
  const { p, since } = s;
  return p.changes.total === 0 ? (
    <p>No changes recorded {since}.</p>
  ) : (
    <details className="margin-bottom-2">
      <summary>
        Every recorded change {since} ({p.changes.total})
        <span className="usa-sr-only"> to {p.name}</span>
      </summary>
      <ul className="usa-list">
        {p.changes.items.map((c) => (
          <li key={c.id}>
            <HistoryTime at={c.at} when={c.when} />: <HistorySentence line={c.sentence} />
          </li>
        ))}
      </ul>
      {p.changes.total > p.changes.items.length ? (
        <p>
          …and {p.changes.total - p.changes.items.length} more.
          {p.changes.kept > p.changes.items.length ? (
            <>
              {' '}
              <Link to={p.ownUrl}>
                See{' '}
                {p.changes.kept === p.changes.total
                  ? `all ${p.changes.total}`
                  : `the newest ${p.changes.kept}`}{' '}
                changes<span className="usa-sr-only"> to {p.name}</span>
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
    </details>
  );
}

function MilestoneTable({ s }: { s: SectionProps }) {
  const { p, version } = s;
  const editItems = s.mayManage && s.focused;
  if (p.lists.milestones.total === 0) return <p>No milestones this quarter.</p>;
  return (
    <>
      <Table label={`Milestones of ${p.name} this quarter`}>
        <caption>Milestones of {p.name} this quarter</caption>
        <thead>
          <tr>
            <th scope="col">Milestone</th>
            <th scope="col">Status</th>
            <th scope="col">Timing</th>
            <th scope="col">Owner</th>
            {editItems ? <th scope="col">Order, leave out or annotate</th> : null}
          </tr>
        </thead>
        <tbody>
          {p.lists.milestones.items.map((m, i, shown) => (
            <Fragment key={m.key}>
              <tr>
                <th scope="row">
                  {m.title}
                  {p.annotations[m.key] ? (
                    <div className="font-body-xs text-normal">Note: {p.annotations[m.key]}</div>
                  ) : null}
                </th>
                <td>
                  {MILESTONE_STATUS_LABELS[m.status as 'completed']}
                  {m.fresh ? (
                    <div className="text-bold font-body-2xs">
                      <time dateTime={m.fresh.at}>{freshnessText(m.fresh)}</time>
                    </div>
                  ) : null}
                </td>
                <td>{m.timing}</td>
                <td>{m.owner}</td>
                {editItems ? (
                  <td>
                    <div className="display-flex flex-wrap" style={{ gap: '0.5rem' }}>
                      <MoveButtons
                        intent="move_item"
                        version={version}
                        extra={{ slug: p.slug, key: m.key }}
                        position={i}
                        count={shown.length}
                        what={`: ${m.title}`}
                        action={s.pageUrl}
                      />
                      <IntentButton
                        intent="exclude"
                        version={version}
                        extra={{ key: m.key }}
                        className="usa-button usa-button--unstyled"
                      >
                        Leave out<span className="usa-sr-only">: {m.title}</span>
                      </IntentButton>
                    </div>
                    <NoteForm
                      itemKey={m.key}
                      text={m.title}
                      note={p.annotations[m.key]}
                      className="margin-top-1"
                      reply={s.reply}
                    />
                  </td>
                ) : null}
              </tr>
            </Fragment>
          ))}
        </tbody>
      </Table>
      {p.lists.milestones.items.some((m) => m.fresh) ? (
        <p className="font-body-2xs">
          New: created {s.newSince}. Changed: changed {s.newSince}.
        </p>
      ) : null}
      <More list={p.lists.milestones} what="milestones this quarter" p={p} />
    </>
  );
}

/**
 * Whether the pilots work (issue 20): measures with a value this quarter, and survey trust by
 * service (the count instead of a percentage under the OMB minimum, as everywhere).
 */
function Outcomes({
  outcomes,
  name,
  focused,
}: {
  outcomes: PreviewPortfolio['outcomes'];
  name: string;
  focused: boolean;
}) {
  if (outcomes.measures.length === 0 && outcomes.trust.length === 0) return null;
  // Under the portfolio's heading: h2 on its own view, h3 on the overview.
  const Heading = focused ? 'h3' : 'h4';
  return (
    <>
      <Heading>Outcomes</Heading>
      {outcomes.measures.length > 0 ? (
        <Table label={`Success measures that moved this quarter: ${name}`}>
          <caption>Success measures with a value this quarter</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Status</th>
              <th scope="col">Latest</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.measures.map((m) => (
              <tr key={`${m.project}:${m.name}`}>
                <th scope="row">
                  {m.name}
                  <div className="font-body-3xs">{m.project}</div>
                </th>
                <td>
                  {m.status}
                  <div className="font-body-3xs">{m.reason}</div>
                </td>
                <td>{m.latest}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {outcomes.trust.length > 0 ? (
        <Table label={`Trust by service: ${name}`}>
          <caption>Trust from post-transaction surveys, latest quarter by service</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Quarter</th>
              <th scope="col">Trust</th>
              <th scope="col">Since the quarter before</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.trust.map((t) => (
              <tr key={t.service}>
                <th scope="row">
                  {t.service} ({t.agency}){t.illustrative ? ', illustrative data' : ''}
                </th>
                <td>{t.quarter}</td>
                <td>
                  {t.trust}
                  <div className="font-body-3xs">{t.rule}</div>
                </td>
                <td>{t.change ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </>
  );
}

export function PortfolioSection(s: SectionProps) {
  const { p, version, focused, mayManage } = s;
  // On its own view the portfolio is the page's only section, right under the title.
  const PortfolioHeading = focused ? 'h2' : 'h3';
  return (
    <section
      aria-labelledby={`pf-${p.slug}`}
      className="border-top border-base-lighter margin-top-4"
    >
      <PortfolioHeading id={`pf-${p.slug}`}>{p.name}</PortfolioHeading>
      {mayManage && !focused ? (
        <div className="display-flex flex-wrap" style={{ gap: '0.5rem' }}>
          <MoveButtons
            intent="order"
            version={version}
            extra={{ slug: p.slug }}
            position={p.position}
            count={s.portfolioCount}
            what={` ${p.name}`}
            action={s.pageUrl}
          />
          <Link className={SMALL_OUTLINE} to={`/pmc/${s.updateId}/highlights/${p.slug}`}>
            Write highlights<span className="usa-sr-only"> for {p.name}</span>
          </Link>
        </div>
      ) : null}
      {p.highlightsHtml ? (
        <div className="usa-prose" dangerouslySetInnerHTML={{ __html: p.highlightsHtml }} />
      ) : null}
      <p>
        Burden reduced so far: {p.burden.reducedHours} hours and {p.burden.reducedCost} a year.
        Research: {pluralize(p.pra.activities ?? 0, 'activity', 'activities')}
        {p.pra.needs_clearance ? `, ${p.pra.needs_clearance} needing a clearance` : ''}.
      </p>
      <Outcomes outcomes={p.outcomes} name={p.name} focused={focused} />
      <ChangeList s={s} />
      {focused ? null : (
        <p>
          <Link to={p.ownUrl}>
            {mayManage ? 'Review, leave out or annotate' : 'See'} every item
            <span className="usa-sr-only"> of {p.name}</span>
          </Link>
        </p>
      )}
      <ItemList title="Phase decisions this quarter" list={p.lists.decisions} s={s} />
      <ItemList title="Phase gates pending" list={p.lists.pending} s={s} />
      <ItemList title="Projects at risk or off track" list={p.lists.risks} s={s} />
      <MilestoneTable s={s} />
    </section>
  );
}
