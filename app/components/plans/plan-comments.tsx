/** A plan's review comments, the button that resolves one, and the form that adds one. */
import { Form } from 'react-router';
import { IntentFields } from '~/components/ui/intent-fields';
import { PLAN_SECTIONS } from '~/domain/plans/document';
import { named } from '~/presenters/plans';
import { SectionSelect } from './plan-evidence';
import { When } from './when';

export function CommentList({
  comments,
  mayResolve,
}: {
  comments: {
    id: number;
    section: number;
    body: string;
    created_at: string;
    resolved_at: string | null;
    author: string;
    author_agency: string | null;
    resolver: string | null;
    resolver_agency: string | null;
  }[];
  mayResolve: boolean;
}) {
  if (comments.length === 0) return <p>No comments yet.</p>;
  return (
    <ul className="usa-list usa-list--unstyled">
      {comments.map((c) => (
        <li
          key={c.id}
          id={`comment-${c.id}`}
          className="border-left-05 border-base-light padding-left-2 margin-bottom-2"
        >
          <div className="font-body-xs text-base-dark">
            {PLAN_SECTIONS[c.section]} · {named(c.author, c.author_agency)},{' '}
            <When iso={c.created_at} /> ·{' '}
            {c.resolved_at ? (
              <>
                Resolved by {named(c.resolver, c.resolver_agency)} on <When iso={c.resolved_at} />
              </>
            ) : (
              'Open'
            )}
          </div>
          <div style={{ whiteSpace: 'pre-wrap' }}>{c.body}</div>
          {!c.resolved_at && mayResolve ? (
            <Form method="post">
              <IntentFields intent="resolve" extra={{ commentId: c.id }} />
              <button type="submit" className="usa-button usa-button--unstyled">
                Resolve<span className="usa-sr-only"> comment by {c.author}</span>
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function CommentForm() {
  return (
    <Form method="post" className="usa-form usa-form--large">
      <IntentFields intent="comment" />
      <label className="usa-label" htmlFor="comment-section">
        Section
      </label>
      <SectionSelect id="comment-section" />
      <label className="usa-label" htmlFor="comment-body">
        Comment
      </label>
      <textarea className="usa-textarea" id="comment-body" name="body" rows={3} maxLength={2000} />
      <button type="submit" className="usa-button usa-button--outline margin-top-1">
        Add comment
      </button>
    </Form>
  );
}
