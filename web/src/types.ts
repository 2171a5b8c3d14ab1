// JSON shapes of docs/api.md and docs/import-schema.md, as far as the UI reads them.
export interface UnitRef {
  code: string;
  name: string;
  kind?: string;
}

export interface User {
  username: string;
  display_name: string;
  role: 'viewer' | 'specialist' | 'manager' | 'admin' | string;
  unit: UnitRef;
  totp_enabled: boolean;
  disabled?: boolean;
  must_change_password?: boolean;
  locked_until?: string | null;
}

export interface SessionAnswer {
  csrf_token: string;
  user: User;
}

export interface Unit {
  code: string;
  name: string;
  kind: string;
  parent_code: string | null;
  depth: number;
  valid_from?: string | null;
  valid_to?: string | null;
  successor_code?: string | null;
}

export interface Theme {
  label: string | null;
  title: string;
}

export interface Phase {
  name: string | null;
  start: string | null;
  end: string | null;
  objective: string | null;
  period: string | null;
}

export interface DocTask {
  group: string | null;
  text: string;
  lead: string[];
  coordinators: string[];
  deadline: string | null;
  deadline_date: string | null;
  deadline_kind: string | null;
  from?: string;
}

// One element of the importer's "documents"; other fields are carried along untouched.
export interface PlanDocument {
  doc_type: string | null;
  number: string | null;
  issuer: string | null;
  parent_issuer: string | null;
  place: string | null;
  date: string | null;
  title: string | null;
  legal_bases: string[];
  sections: string[];
  phases: Phase[];
  tasks: DocTask[];
  themes: Theme[];
  warnings: string[];
  // The same notes as stable codes with parameters (docs/import-schema.md), for the catalogue.
  warning_details?: { code: string; params: Record<string, string>; message: string }[];
  diacritics?: 'ok' | 'missing' | 'restored';
  // When the text lost its diacritics and the importer restored them.
  diacritics_restored?: {
    words: number;
    uncertain_words: number;
    uncertain: { original: string; restored: string; confidence: number }[];
  };
  report_deadlines?: string[];
  recipients?: string[];
  signer?: { on_behalf: string | null; title: string | null; name: string | null } | null;
  [other: string]: unknown;
}

export interface ImportAnswer {
  file: { name: string; format: string; size: number; sha256: string };
  text: string;
  documents: PlanDocument[];
}

export interface PlanSummary {
  id: number;
  unit_code: string;
  status: string;
  doc_type: string | null;
  number: string | null;
  title: string | null;
  date: string | null;
  issuer: string | null;
}

export type Standing =
  'done_on_time' | 'done_late' | 'open_within_term' | 'open_overdue' | 'no_deadline';

export interface Task {
  id: number;
  plan_id: number;
  plan_number: string | null;
  group: string | null;
  text: string;
  lead: string[];
  coordinators: string[];
  deadline_text: string | null;
  deadline_kind: string | null;
  deadline_date: string | null;
  status: 'not_started' | 'in_progress' | 'done' | string;
  progress: number | null;
  standing: Standing | string;
  evidence_link: string | null;
  updated_at: string | null;
  plan_title?: string | null;
  // "assigned": a published plan of a level above gives it to this unit; read-only unless
  // can_update (docs/tasks.md).
  source?: 'own' | 'assigned' | string;
  assigned_by?: TaskAssigner | null;
  can_update?: boolean;
  lead_units?: TaskUnitName[];
  coordinator_units?: TaskUnitName[];
}

export interface TaskAssigner {
  plan_id: number;
  plan_number: string | null;
  plan_title: string | null;
  unit_code: string;
  unit_name: string | null;
}

// A lead or coordinator as written in the plan, with the unit it was resolved to, if any.
export interface TaskUnitName {
  name: string;
  unit_code: string | null;
  unit_name: string | null;
}

export interface TaskChange {
  id: number;
  at: string;
  actor: string;
  instance_id: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string;
}

export interface TaskComment {
  id: number;
  task_id: number;
  at: string;
  actor: string;
  unit: { code: string; name: string } | null;
  text: string;
}

export interface EvidenceFile {
  n: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  added_at: string;
  added_by: string;
  url: string;
}

export interface PlanDetail {
  id: number;
  unit_code: string;
  status: string;
  revision?: number;
  document: PlanDocument;
  legal_bases: { text: string; symbol: string; plan_id: number | null }[];
  tasks: Task[];
}

export interface TaskList {
  unit?: { code: string; name: string };
  tasks: Task[];
  counts: Partial<Record<Standing, number>>;
}

export interface Option {
  code: string;
  label: string;
}

export interface ActivityOptions {
  kinds: Option[];
  channels: Option[];
  themes: string[];
}

export interface Activity {
  id: number;
  unit_code: string;
  unit?: string;
  date: string;
  kind: string;
  channel: string;
  theme: string;
  title: string;
  link: string;
  reach: number;
  created_by: string;
  can_edit?: boolean;
}

export interface Dashboard {
  unit: UnitRef;
  from: string;
  to: string;
  total: number;
  reach?: number;
  by_theme: { key: string; count: number }[];
  by_channel: { key: string; count: number }[];
  by_child: { code: string; name: string; count: number }[];
  by_month: { month: string; count: number }[];
}

export interface SearchResult {
  type: 'plan' | 'task' | 'activity' | string;
  id: number;
  title: string;
  snippet: string;
  unit_code: string;
  plan_id: number | null;
  score: number;
}

export interface Coverage {
  themes: { index: number; label?: string | null; title: string }[];
  units: {
    code: string;
    name: string;
    plan: {
      id?: number; number?: string | null; date?: string | null; status?: string;
      issued?: boolean;
    } | null;
    late: boolean;
    themes: { index: number; score: number; covered: boolean; passage: string | null }[];
  }[];
  summary: { required: number; issued: number; late: number; missing: number; drafting?: number };
}

// Reports and roll-up (docs/reports.md).
export interface Period {
  key: string;
  label: string;
  start: string;
  end: string;
}

export type ReportStatus = 'missing' | 'draft' | 'submitted' | 'accepted' | 'returned';

export interface ReportSlot {
  slot_id: number;
  plan_id: number;
  unit: UnitRef;
  period: Period;
  due: string;
  status: ReportStatus | string;
  report_id: number | null;
  received: boolean;
  late: boolean;
  submitted_at: string | null;
}

export type IndicatorType = 'number' | 'percentage' | 'yes_no' | 'text';
export type IndicatorValue = number | boolean | string | null;

export interface Indicator {
  code: string;
  name: string;
  type: IndicatorType | string;
  aggregation?: string | null;
  unit_label?: string | null;
  weight_code?: string | null;
  target?: number | null;
  goal?: number | null;
  goal_period?: string | null;
}

export interface ReportValue {
  code: string;
  name: string;
  type: IndicatorType | string;
  unit_label: string;
  value: IndicatorValue;
  not_applicable: boolean;
}

export const NARRATIVE_PARTS =
  ['highlights', 'shortcomings', 'causes', 'lessons', 'recommendations'] as const;
export type NarrativePart = typeof NARRATIVE_PARTS[number];

export interface ReportVersion {
  id: number;
  version: number;
  status: string;
  created_at: string;
  created_by: string;
  submitted_at: string | null;
  reviewed_at: string | null;
  review_comment: string;
  counted: boolean;
}

export interface Report {
  id: number;
  slot_id: number;
  plan_id: number;
  unit: UnitRef;
  period: Period;
  due: string;
  version: number;
  status: ReportStatus | string;
  values: ReportValue[];
  activity_counts: { theme: string; channel: string; count: number }[];
  narrative: Record<NarrativePart, string>;
  review_comment: string;
  submitted_at: string | null;
  reviewed_at: string | null;
  late: boolean;
  versions: ReportVersion[];
}

export interface Rates {
  expected: number;
  received: number;
  on_time: number;
  received_rate: number | null;
  on_time_rate: number | null;
}

export interface ReportingRates {
  unit: UnitRef;
  period: Period | string;
  rates: Rates;
  children: { code: string; name: string; rates: Rates }[];
}

export interface Duty {
  id: number;
  frequency: string;
  cutoff: string;
  first_year: number | null;
  last_year: number | null;
  period_first: string | null;
  period_last: string | null;
  deadline: string | null;
  offset_days: Record<string, number>;
  assignees: string[];
  note: string;
  created_at: string;
  created_by: string;
}

export interface RollupCell {
  value: number | null;
  reported: number;
  not_applicable: number;
}

export interface RollupIndicator {
  code: string;
  name: string;
  type: string;
  aggregation: string;
  unit_label: string;
  value: number | null;
  reported: number;
  not_applicable: number;
  not_reported: number;
  explanation: {
    formula: string;
    inputs: Record<string, number | string | null>;
    left_out: { not_reported: number; not_applicable: number; units: string };
  };
  goal?: {
    value: number; by: string; by_label: string; actual: number | null; met: boolean;
    gap: number | null; deadline_reached: boolean;
  } | null;
}

export interface RollupUnitRow {
  code: string;
  name: string;
  due: string;
  status: string;
  slot_id: number;
  submitted_at?: string | null;
}

export interface Rollup {
  plan_id: number;
  unit: UnitRef;
  period: Period;
  rates: Rates;
  indicators: RollupIndicator[];
  own: { indicators: Record<string, RollupCell> } | null;
  children: { code: string; name: string; kind: string; rates: Rates;
    indicators: Record<string, RollupCell> }[];
  late: { total: number; units: RollupUnitRow[] };
  missing: { total: number; units: RollupUnitRow[] };
  pending: number;
  as_of: string;
}

export interface ExplainUnit {
  code: string;
  name: string;
  value?: number;
  text?: string;
  weight?: number | null;
  meets_target?: boolean;
  reason?: 'no_report' | 'no_value' | string;
  status?: string;
}

export interface RollupExplain {
  indicator: { code: string; name: string; aggregation: string; weight_indicator?: string;
    target?: number };
  included: ExplainUnit[];
  left_out: { not_reported: ExplainUnit[]; not_applicable: ExplainUnit[] };
}
