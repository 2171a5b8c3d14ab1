// The API's JSON shapes, generated at build time from the server's OpenAPI document
// (`lienthong openapi` → web/generated/openapi.json → openapi-typescript → web/generated/api.d.ts;
// docs/api.md). Only names for the schemas live here, and the few UI-side types derived from them;
// a change of the server's answers shows up as a type error in the pages that read them.
import type { components, paths } from '../generated/api';

type Schemas = components['schemas'];
// The JSON body of `method` `path`'s answer `status`.
type Answer<P extends keyof paths, M extends keyof paths[P], S extends number = 200> =
  paths[P][M] extends { responses: infer R }
    ? S extends keyof R
      ? R[S] extends { content: { 'application/json': infer B } } ? B : never
      : never
    : never;

// The JSON body `method` `path` takes.
type RequestBody<P extends keyof paths, M extends keyof paths[P]> =
  paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type User = Schemas['User'];
export type SessionAnswer = Schemas['Session'];
export type Unit = Schemas['Unit'];
export type ListedUnit = Schemas['ListedUnit'];
export type UnitRef = { code: string; name: string; kind?: string };

export type PlanDocument = Schemas['PlanDocument'];
export type Phase = PlanDocument['phases'][number];
export type DocTask = PlanDocument['tasks'][number];
export type Theme = PlanDocument['themes'][number];
export type ImportAnswer = Schemas['ImportPreview'];
export type ImportJob = Schemas['ImportJob'];
export type PlanSummary = Schemas['PlanSummary'];
export type PlanDetail = Schemas['Plan'];
export type Coverage = Schemas['Coverage'];

export type Standing = Schemas['Task']['standing'];
export type Task = Schemas['Task'];
export type TaskAssigner = NonNullable<Task['assigned_by']>;
// A lead or coordinator as written in the plan, with the unit it was resolved to, if any.
export type TaskUnitName = Task['lead_units'][number];
export type TaskList = Schemas['TaskBoard'];
export type TaskChange = Schemas['TaskHistory']['history'][number];
export type TaskComment = Schemas['TaskComment'];
export type EvidenceFile = Schemas['Evidence'];

export type ActivityOptions = Schemas['ActivityOptions'];
export type Option = ActivityOptions['kinds'][number];
export type Activity = Schemas['Activity'];
export type Dashboard = Schemas['Dashboard'];
export type SearchResult = Answer<'/api/v1/search', 'get'>['results'][number];

// Reports and roll-up (docs/reports.md).
export type ReportSlot = Schemas['ReportSlot'];
export type Period = ReportSlot['period'];
export type ReportStatus = ReportSlot['status'];
export type Indicator = Schemas['Indicator'];
// An indicator as the plan's form declares it (POST /plans/{id}/indicators).
export type IndicatorInput =
  RequestBody<'/api/v1/plans/{id}/indicators', 'post'>['indicators'][number];
export type IndicatorType = Indicator['type'];
export type IndicatorValue = number | boolean | string | null;
// A report as the page shows it; a slot without a report yet is shown as a blank 'missing' one.
export type Report = Omit<Schemas['Report'], 'status'> & { status: ReportStatus };
export type ReportValue = Report['values'][number];
export type ReportVersion = Report['versions'][number];
export const NARRATIVE_PARTS =
  ['highlights', 'shortcomings', 'causes', 'lessons', 'recommendations'] as const;
export type NarrativePart = typeof NARRATIVE_PARTS[number];
export type ReportingRates = Schemas['ReportingRates'];
export type Rates = ReportingRates['rates'];
export type Duty = Schemas['ReportingDuty'];
export type Rollup = Schemas['Rollup'];
export type RollupIndicator = Rollup['indicators'][number];
export type RollupCell = Rollup['own']['indicators'][string];
export type RollupUnitRow = Rollup['late']['units'][number];
export type RollupExplain = Schemas['RollupExplanation'];
export type ExplainUnit = RollupExplain['included'][number];
