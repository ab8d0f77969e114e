/**
 * A form that posts to `action` (the address of the page it is on). Before the page's script
 * runs, and without JavaScript, an ordinary form; after, the root's listener sends it through
 * the router as React Router's `<Form>` would (`data-nav`, components/layout/link-following.ts).
 * It needs no router to render, so it can be part of markup made once on the server
 * (app/render/kept-markup.server.ts), where `<Form>` cannot.
 */
import type { ComponentProps } from 'react';

export function PostForm({ action, ...rest }: { action: string } & ComponentProps<'form'>) {
  return <form method="post" action={action} data-nav="" {...rest} />;
}
