import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useFetcher, useLocation, useRevalidator } from 'react-router';
import { alreadyAtEnd, type MovedItem } from '~/domain/journey/reorder';
import { useHydrated } from '~/lib/hydrated';

type Direction = 'up' | 'down';

/**
 * The field a move sent by JavaScript carries, so the edit action answers with the new place
 * instead of redirecting. Without JavaScript the same forms post without it and reload the page.
 */
export const ENHANCED_MOVE = { name: 'enhanced', value: 'reorder' } as const;

/** What the edit action answers a move sent through `useReorder`. */
export interface MoveReply {
  moved?: MovedItem & { direction: Direction };
  announcement?: string | null;
  result?: { error?: Record<string, string[] | null> | null } | null;
  stale?: unknown;
}

/** A stage or step as the move controls name it. */
export interface MoveItem {
  kind: MovedItem['kind'];
  id: number;
  name: string;
  /** The stage a step is in. */
  stage?: string;
}

/** The `data-move` of an item's Up or Down form, to find it again after the list re-renders. */
export const moveFormId = (item: Pick<MoveItem, 'kind' | 'id'>, direction: Direction) =>
  `${item.kind}-${item.id}-${direction}`;

function moveButton(item: Pick<MoveItem, 'kind' | 'id'>, direction: Direction) {
  return document.querySelector<HTMLButtonElement>(
    `form[data-move="${moveFormId(item, direction)}"] button`,
  );
}

function replyMessage(reply: MoveReply): { text: string; error: boolean } {
  if (reply.moved) return { text: reply.announcement ?? 'Moved.', error: false };
  if (reply.stale) {
    return {
      text: 'Someone saved a newer version of this map, so nothing was moved. The page now shows their version; try again.',
      error: true,
    };
  }
  const errors = Object.values(reply.result?.error ?? {}).flatMap((e) => e ?? []);
  return {
    text: errors.length > 0 ? `Not moved: ${errors.join(' ')}` : 'Not moved. Reload the page.',
    error: true,
  };
}

/**
 * Reordering with JavaScript: the ordinary Up/Down forms are sent through a fetcher (no page
 * load), focus returns to the moved item's Up or Down button, and a polite status message says
 * where it is now. Alt+Up Arrow / Alt+Down Arrow on those buttons move the item too.
 */
export function useReorder() {
  const fetcher = useFetcher<MoveReply>();
  const { revalidate } = useRevalidator();
  // Messages belong to the page they were given on: another form's save (a navigation) ends them.
  const { key: here } = useLocation();
  const [sentFrom, setSentFrom] = useState<string | null>(null);
  // A message of the page's own (a keyboard move past either end), shown until the next reply.
  const [notice, setNotice] = useState<{ text: string; over: unknown; at: string } | null>(null);
  const reply = fetcher.state === 'idle' && sentFrom === here ? fetcher.data : undefined;

  // The reply arrives with the revalidated map already rendered, so the buttons are in place.
  useEffect(() => {
    if (!reply) return;
    if (reply.moved) {
      const { direction } = reply.moved;
      (
        moveButton(reply.moved, direction) ??
        moveButton(reply.moved, direction === 'up' ? 'down' : 'up')
      )?.focus();
    } else if (reply.stale) {
      void revalidate();
    }
  }, [reply, revalidate]);

  const status =
    notice && notice.over === fetcher.data && notice.at === here
      ? { text: notice.text, error: false }
      : reply
        ? replyMessage(reply)
        : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // One move at a time: the next one needs the map version this one makes.
    if (fetcher.state !== 'idle') return;
    const formData = new FormData(event.currentTarget);
    formData.set(ENHANCED_MOVE.name, ENHANCED_MOVE.value);
    setNotice(null);
    setSentFrom(here);
    void fetcher.submit(formData, { method: 'post' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>, item: MoveItem) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const direction: Direction = event.key === 'ArrowUp' ? 'up' : 'down';
    const form = document.querySelector<HTMLFormElement>(
      `form[data-move="${moveFormId(item, direction)}"]`,
    );
    if (form) form.requestSubmit();
    else setNotice({ text: alreadyAtEnd(item, direction), over: fetcher.data, at: here });
  }

  return { onSubmit, onKeyDown, status };
}

/** The polite live region for move results; always in the page, so changes are announced. */
export function MoveStatus({ status }: { status: { text: string; error: boolean } | null }) {
  return (
    <p
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={`margin-y-1${status?.error ? ' text-secondary-dark text-bold' : ''}`}
    >
      {status?.text}
    </p>
  );
}

/**
 * The Up and Down buttons' enhancement for a whole page: the props each button's form takes,
 * the status message, and whether the Alt+Arrow keys work yet (after hydration).
 */
export function useMoveButtons() {
  const hydrated = useHydrated();
  const reorder = useReorder();
  const moveProps = (item: MoveItem, direction: Direction) => ({
    id: moveFormId(item, direction),
    onSubmit: reorder.onSubmit,
    onKeyDown: hydrated
      ? (event: KeyboardEvent<HTMLButtonElement>) => reorder.onKeyDown(event, item)
      : undefined,
  });
  return { hydrated, status: reorder.status, moveProps };
}
