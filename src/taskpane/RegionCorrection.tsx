// The "Koreksi" form of one table: its kind and the role of each column. Only what the
// planner changed is sent, so the correction stays small and the recogniser keeps the rest.

import { useId, useState } from "react";
import { Button, Dropdown, Field, makeStyles, Option, tokens } from "@fluentui/react-components";
import {
  COLUMN_ROLES,
  REGION_KINDS,
  type ColumnRole,
  type Region,
  type RegionKind,
} from "../core/recognize/types";
import { columnLetters, rangeA1 } from "../core/snapshot";
import type { ColumnChange, RegionChange } from "./session";
import { usePanelStyles } from "./shared";
import { KIND_LABELS, NO_ROLE, ROLE_LABELS, TEXTS, tr, type Language } from "./texts";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  dropdown: {
    minWidth: 0,
    width: "100%",
  },
});

/** Dropdown option value of "no role" (an option value cannot be null). */
const NONE = "none";

function roleLabel(role: ColumnRole | null, language: Language): string {
  return role === null ? tr(NO_ROLE, language) : tr(ROLE_LABELS[role], language);
}

export interface RegionCorrectionProps {
  region: Region;
  language: Language;
  onSave: (change: RegionChange) => void;
  onCancel: () => void;
}

export function RegionCorrection({ region, language, onSave, onCancel }: RegionCorrectionProps) {
  const styles = usePanelStyles();
  const own = useStyles();
  const titleId = useId();
  const [kind, setKind] = useState<RegionKind>(region.kind);
  const [roles, setRoles] = useState<Record<number, ColumnRole | null>>(() =>
    Object.fromEntries(region.columns.map((c) => [c.col, c.role])),
  );

  const save = () => {
    const change: RegionChange = {};
    if (kind !== region.kind) change.kind = kind;
    const columns: Record<string, ColumnChange> = {};
    for (const column of region.columns) {
      const role = roles[column.col] ?? null;
      if (role === column.role) continue;
      const setting: ColumnChange = { role };
      // A column keeps the year its header printed when it gets another value role.
      if (role !== null && column.year !== undefined) setting.year = column.year;
      columns[columnLetters(column.col)] = setting;
    }
    if (Object.keys(columns).length > 0) change.columns = columns;
    onSave(change);
  };

  return (
    <form
      className={own.form}
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <span id={titleId} className={styles.heading}>
        {tr(TEXTS.correctTitle, language, { range: rangeA1(region.range) })}
      </span>
      <Field label={tr(TEXTS.kindLabel, language)}>
        <Dropdown
          className={own.dropdown}
          value={tr(KIND_LABELS[kind], language)}
          selectedOptions={[kind]}
          onOptionSelect={(_, data) => {
            if (data.optionValue) setKind(data.optionValue as RegionKind);
          }}
        >
          {REGION_KINDS.map((k) => (
            <Option key={k} value={k}>
              {tr(KIND_LABELS[k], language)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {region.columns.map((column) => {
        const letters = columnLetters(column.col);
        const role = roles[column.col] ?? null;
        const header = column.header.replace(/\s+/g, " ").trim() || tr(TEXTS.noHeader, language);
        const label =
          tr(TEXTS.columnLabel, language, { col: letters }) +
          (column.year !== undefined ? ` (${column.year})` : "");
        return (
          <Field
            key={column.col}
            label={label}
            hint={{ children: header, title: header, className: styles.truncate }}
          >
            <Dropdown
              className={own.dropdown}
              value={roleLabel(role, language)}
              selectedOptions={[role ?? NONE]}
              onOptionSelect={(_, data) => {
                const value = data.optionValue;
                if (value === undefined) return;
                setRoles({ ...roles, [column.col]: value === NONE ? null : (value as ColumnRole) });
              }}
            >
              <Option value={NONE}>{tr(NO_ROLE, language)}</Option>
              {COLUMN_ROLES.map((r) => (
                <Option key={r} value={r}>
                  {tr(ROLE_LABELS[r], language)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
      <div className={styles.row}>
        <Button appearance="primary" type="submit">
          {tr(TEXTS.saveCorrection, language)}
        </Button>
        <Button onClick={onCancel}>{tr(TEXTS.cancel, language)}</Button>
      </div>
    </form>
  );
}
