// Keeps every quality instance out of memory while the release is read: each rule's CSV lines are buffered a little
// and appended to a temporary file of that rule; at the end they become data/quality-instances.csv (every rule, in
// catalogue order) and one file per rule that fired, written through the output sink in pieces (never one string).

import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { QUALITY_RULES } from '../../lib/quality-rules.ts';
import { QUALITY_INSTANCES_HEADER, type QualityInstanceWriter } from '../../lib/release/quality-instances.ts';
import { DATA_DIR, OUTPUT, qualityInstancesOfRule } from '../../lib/site-data/outputs.ts';
import type { OutputSink } from './output-sink.ts';

/** Lines held per rule before they go to its temporary file (small: hundreds of rules × this stays a few MB). */
const FLUSH_CHARS = 256 * 1024;
const READ_BYTES = 1024 * 1024;

interface RuleFile {
  fd: number;
  path: string;
  pending: string[];
  pendingChars: number;
}

export class QualityInstanceFiles implements QualityInstanceWriter {
  private readonly dir = mkdtempSync(join(tmpdir(), 'vindr-quality-'));
  private readonly files = new Map<string, RuleFile>();

  write(rule: string, line: string): void {
    let file = this.files.get(rule);
    if (file === undefined) {
      const path = join(this.dir, `${this.files.size}.csv`);
      file = { fd: openSync(path, 'w'), path, pending: [], pendingChars: 0 };
      this.files.set(rule, file);
    }
    file.pending.push(line);
    file.pendingChars += line.length;
    if (file.pendingChars >= FLUSH_CHARS) flush(file);
  }

  /** Writes the whole file and one file per rule that fired (stale per-rule files pruned), then forgets the temporaries. */
  writeTo(sink: OutputSink): void {
    for (const file of this.files.values()) flush(file);
    const known = QUALITY_RULES.map(({ rule }) => rule as string);
    const order = [...known.filter((rule) => this.files.has(rule)), ...[...this.files.keys()].filter((rule) => !known.includes(rule)).sort()];
    const names = new Set<string>();
    for (const rule of order) {
      const name = qualityInstancesOfRule(rule);
      sink.writePieces(name, [QUALITY_INSTANCES_HEADER, ...readPieces(this.files.get(rule)!.path)]);
      names.add(name);
    }
    const files = this.files;
    sink.writePieces(OUTPUT.qualityInstances, (function* () {
      yield QUALITY_INSTANCES_HEADER;
      for (const rule of order) yield* readPieces(files.get(rule)!.path);
    })());
    sink.prune(`${DATA_DIR}/quality-instances`, names);
    this.dispose();
  }

  /** Closes and removes the temporary files (also after a failed build). */
  dispose(): void {
    for (const file of this.files.values()) {
      if (file.fd >= 0) closeSync(file.fd);
      file.fd = -1;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function flush(file: RuleFile): void {
  if (file.pending.length === 0) return;
  writeSync(file.fd, file.pending.join(''));
  file.pending = [];
  file.pendingChars = 0;
}

/** A file's text in pieces of about a megabyte (a UTF-8 character split between reads is joined by the decoder). */
function* readPieces(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const buffer = new Uint8Array(READ_BYTES);
  const decoder = new StringDecoder('utf8');
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, READ_BYTES, null);
      if (read === 0) break;
      const text = decoder.write(Buffer.from(buffer.buffer, 0, read));
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}
