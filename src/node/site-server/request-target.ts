// Decides what an HTTP request target names for the in-place server (site-server.ts), from the raw target alone and
// before any file system access: a file of the built site, one release image, the served-release manifest, or a
// refusal with its status. Refused on purpose: anything but an origin-form path ("/…"), backslashes, "." and ".."
// segments (also percent-encoded: %2e%2e, %2f, %5c are looked at after decoding), empty segments, NUL, dotfiles,
// and release paths other than <study_id>/<image_id>.dicom. Symlinks are the server's check (realpath under root).

import { RELEASE_IMAGES_PREFIX, SERVED_RELEASE_URL } from '../../lib/site-data/outputs.ts';

type RequestTarget =
  | { kind: 'site'; segments: string[]; directory: boolean; query: string }
  | { kind: 'image'; studyId: string; fileName: string }
  | { kind: 'served-release' }
  | { kind: 'refused'; status: 400 | 404; reason: string };

const refused = (status: 400 | 404, reason: string): RequestTarget => ({ kind: 'refused', status, reason });

/** Path segments of a raw target's path, decoded, or why the path is refused. */
function decodeSegments(rawPath: string): string[] | string {
  // Checked on the raw text too: "\" is a separator to Windows and to WHATWG URL parsing of special schemes.
  if (rawPath.includes('\\')) return 'backslash in path';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return 'malformed percent-encoding';
  }
  if (decoded.includes('\0')) return 'NUL in path';
  if (decoded.includes('\\')) return 'encoded backslash in path';
  // After decoding, so "%2F" and "%2e%2e" count as the separators and parent segments they spell.
  const segments = decoded.slice(1).split('/');
  const last = segments.length - 1;
  for (const [i, segment] of segments.entries()) {
    if (segment === '.' || segment === '..') return 'dot segment in path';
    if (segment === '' && i !== last) return 'empty segment in path';
    if (segment.startsWith('.')) return 'hidden file';
  }
  return segments;
}

export function requestTarget(rawTarget: string): RequestTarget {
  // Absolute-form ("http://host/…"), authority-form and "*" targets, and Windows paths ("C:/…"), name no file here.
  if (!rawTarget.startsWith('/') || rawTarget.startsWith('//')) return refused(400, 'not an origin-form path');
  const queryAt = rawTarget.indexOf('?');
  const rawPath = queryAt === -1 ? rawTarget : rawTarget.slice(0, queryAt);
  const query = queryAt === -1 ? '' : rawTarget.slice(queryAt);
  const segments = decodeSegments(rawPath);
  if (typeof segments === 'string') return refused(400, segments);
  if (rawPath === SERVED_RELEASE_URL) return { kind: 'served-release' };
  const prefix = RELEASE_IMAGES_PREFIX.slice(1, -1);
  if (segments[0] === prefix) {
    const [, studyId, fileName, ...rest] = segments;
    if (!studyId || !fileName || rest.length > 0 || !fileName.endsWith('.dicom')) {
      return refused(404, `only ${RELEASE_IMAGES_PREFIX}<study_id>/<image_id>.dicom is served from the release`);
    }
    return { kind: 'image', studyId, fileName };
  }
  const directory = segments[segments.length - 1] === '';
  return { kind: 'site', segments: directory ? segments.slice(0, -1) : segments, directory, query };
}
