// A small client an integrator would write on the types generated from the OpenAPI document (npm run generate):
// docs/api.md's worked example — the year's verified tranches of a department — with paging and ProblemDetails errors.
// If a schema it relies on changes (a field renamed, a type changed, an operation gone), this file stops compiling.
import type { components, operations } from "./generated/api";

type Schemas = components["schemas"];
type TrancheQuery = NonNullable<operations["ListTranches"]["parameters"]["query"]>;
type TrancheList = operations["ListTranches"]["responses"][200]["content"]["application/json"];

/** A refusal of the API: its Chinese detail and status. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Schemas["ProblemDetails"]) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

async function get<T>(baseUrl: string, token: string, path: string, query: Record<string, string | number | undefined>): Promise<T> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  const response = await fetch(`${baseUrl}${path}?${search}`, { headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } });
  if (!response.ok) throw new ApiError(response.status, (await response.json()) as Schemas["ProblemDetails"]);
  return (await response.json()) as T;
}

/** Every verified tranche that arrived in the year in projects of the department (招引单位, with those under it), all pages. */
export async function verifiedTranches(baseUrl: string, token: string, departmentId: string, year: number): Promise<Schemas["TrancheRowDto"][]> {
  const verified: Schemas["VerificationStatus"] = 1;
  const rows: Schemas["TrancheRowDto"][] = [];
  for (let page = 1; ; page++) {
    const query: TrancheQuery = { status: verified, year, departmentId, page, pageSize: 200 };
    const answer = await get<TrancheList>(baseUrl, token, "/api/v1/tranches", query);
    rows.push(...answer.page.items);
    if (page >= answer.page.pages) return rows;
  }
}

/** The sums per currency (元 for CNY; never added across currencies), and the first and last day of arrival. */
export function summarise(rows: Schemas["TrancheRowDto"][]): { totals: Record<string, number>; first?: string; last?: string } {
  const totals: Record<string, number> = {};
  for (const row of rows) totals[row.currency] = (totals[row.currency] ?? 0) + row.amount;
  const days = rows.map((row) => row.arrivedOn).sort();
  return { totals, first: days[0], last: days[days.length - 1] };
}

/** The figures behind the cockpit for a year, as the API computes them (no figure is recomputed client-side). */
export async function figures(baseUrl: string, token: string, year: number): Promise<operations["GetApiV1Figures"]["responses"][200]["content"]["application/json"]> {
  return get(baseUrl, token, "/api/v1/figures", { year });
}
