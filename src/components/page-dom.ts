// Small DOM helpers shared by the scripts that build elements in the browser (the split workbench, the review page,
// the viewer's panels and messages): elements built with textContent only (file contents never become HTML), and
// text saved as a download.
import { downloadBlob } from '../charts/frame/export.ts';

/** An element with an optional class, text and data-testid, and its children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; testid?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.testid) node.dataset.testid = props.testid;
  node.append(...children);
  return node;
}

/** Saves text as a file through a temporary link (nothing is uploaded). */
export function download(name: string, text: string, type: string): void {
  downloadBlob(new Blob([text], { type }), name);
}
