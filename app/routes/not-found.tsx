import { notFound } from '~/web/toolkit.server';

export function loader() {
  notFound('We could not find that page. It may have moved, or the address may be wrong.');
}

export function action() {
  notFound();
}

export default function NotFound() {
  return null;
}
