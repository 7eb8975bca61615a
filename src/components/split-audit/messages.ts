// What the split workbench page and its worker say to each other.

import type { SplitAuditReport } from '../../lib/split-audit/audit-report.ts';
import type { MakeSplitRequest } from '../../lib/split-audit/make-split-file.ts';

export type WorkbenchRequest =
  | { kind: 'audit'; file: File; column?: string; indexUrl: string }
  | { kind: 'make'; request: MakeSplitRequest; indexUrl: string }
  | { kind: 'official'; indexUrl: string };

export type WorkbenchReply =
  | { kind: 'report'; report: SplitAuditReport }
  | { kind: 'split'; csv: string; fileName: string }
  | { kind: 'error'; message: string };
