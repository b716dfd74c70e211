/**
 * PlanningModel: the planning content of every checked table (DOMAIN.md §1–2, §6), built by
 * core/extract and matched across tables by core/match. Filled in by the extract work.
 */
export interface PlanningModel {
  indicators: unknown[];
}
