import type { CheckSettings } from "../check/settings";
import type { Table } from "../check/table";
import type { PlanningModel } from "./types";

export type { PlanningModel } from "./types";

export function extract(_tables: Table[], _settings: CheckSettings): PlanningModel {
  return { indicators: [] };
}
