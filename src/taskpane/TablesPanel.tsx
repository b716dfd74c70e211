// Tabel: the tables the recogniser found, per sheet; click to select one in Excel, correct
// its kind and column roles.

import { useEffect, useState } from "react";
import {
  Badge,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Spinner,
  Subtitle2,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import type { Region } from "../core/recognize/types";
import { rangeA1 } from "../core/snapshot";
import { RegionCorrection } from "./RegionCorrection";
import { ConfigProblem, Notice, usePanelStyles, type PanelProps } from "./shared";
import { KIND_LABELS, TEXTS, tr, type Language } from "./texts";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  reveal: {
    justifyContent: "flex-start",
    textAlign: "start",
    height: "auto",
    minWidth: 0,
    maxWidth: "100%",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    whiteSpace: "normal",
    overflowWrap: "anywhere",
  },
  range: {
    fontFamily: tokens.fontFamilyMonospace,
    marginLeft: tokens.spacingHorizontalS,
  },
  sheet: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
});

export function TablesPanel({ session, state, language }: PanelProps) {
  const styles = usePanelStyles();
  const { tables } = state;
  const loading = tables.status === "running";

  // Loads on first show; a load already going (a check started from the ribbon) is joined.
  useEffect(() => {
    if (session.getState().tables.status === "idle") void session.loadTables();
  }, [session]);

  const result = tables.result;
  const reload = () => void session.loadTables();
  return (
    <section className={styles.panel}>
      <div className={styles.row}>
        <Button onClick={reload} disabled={loading}>
          {tr(TEXTS.reload, language)}
        </Button>
        {loading && <Spinner size="tiny" label={tr(TEXTS.loadingTables, language)} />}
      </div>
      <ConfigProblem state={state} language={language} />
      {tables.status === "error" && (
        <Notice
          intent="error"
          title={tr(TEXTS.errorWorkbook, language)}
          action={{ label: tr(TEXTS.retry, language), onClick: reload }}
        >
          {tables.error}
        </Notice>
      )}
      {state.correction.status === "error" && (
        <Notice intent="error" title={tr(TEXTS.correctionFailed, language)}>
          {state.correction.error}
        </Notice>
      )}
      {state.correction.status === "done" && (
        <Body1 role="status">{tr(TEXTS.correctionSaved, language)}</Body1>
      )}
      {result && <TablesList session={session} result={result} language={language} />}
    </section>
  );
}

function TablesList({
  session,
  result,
  language,
}: {
  session: PanelProps["session"];
  result: NonNullable<PanelProps["state"]["tables"]["result"]>;
  language: Language;
}) {
  const styles = usePanelStyles();
  const own = useStyles();
  const userSheets = result.sheets.filter((s) => !s.summary);
  if (!userSheets.some((s) => s.hasCells)) {
    return (
      <Notice intent="info" title={tr(TEXTS.emptyWorkbook, language)}>
        {tr(TEXTS.emptyWorkbookHint, language)}
      </Notice>
    );
  }
  const unmatched =
    result.unmatched.length > 0 ? (
      <Notice
        intent="warning"
        title={tr(TEXTS.unmatchedOverrides, language, { count: result.unmatched.length })}
      >
        {tr(TEXTS.unmatchedOverridesHint, language, {
          list: result.unmatched.map((o) => `${o.sheet}!${o.header}`).join(", "),
        })}
      </Notice>
    ) : null;
  if (result.regions.length === 0) {
    return (
      <>
        {unmatched}
        <Notice intent="info" title={tr(TEXTS.noTables, language)}>
          {tr(TEXTS.noTablesHint, language)}
        </Notice>
      </>
    );
  }
  const bySheet = userSheets
    .map((sheet) => ({ sheet, regions: result.regions.filter((r) => r.sheet === sheet.name) }))
    .filter((group) => group.regions.length > 0);
  const without = userSheets.filter(
    (s) => s.hasCells && !result.regions.some((r) => r.sheet === s.name),
  );
  return (
    <>
      {unmatched}
      <div className={styles.stack}>
        <Body1Strong as="p" className={styles.heading}>
          {tr(TEXTS.tablesHeading, language, {
            count: result.regions.length,
            sheets: bySheet.length,
          })}
        </Body1Strong>
        <Caption1 className={styles.muted}>{tr(TEXTS.tablesHint, language)}</Caption1>
      </div>
      {bySheet.map(({ sheet, regions }) => (
        <section key={sheet.name} className={own.sheet} aria-label={sheet.name}>
          <Subtitle2 as="h3" className={styles.heading}>
            {sheet.name}
          </Subtitle2>
          <ul className={styles.list}>
            {regions.map((region) => (
              <RegionCard
                key={`${rangeA1(region.header)}`}
                session={session}
                region={region}
                language={language}
              />
            ))}
          </ul>
        </section>
      ))}
      {without.length > 0 && (
        <Caption1 className={mergeClasses(styles.muted, styles.wrap)}>
          {tr(TEXTS.sheetsWithoutTables, language, {
            names: without.map((s) => s.name).join(", "),
          })}
        </Caption1>
      )}
    </>
  );
}

function RegionCard({
  session,
  region,
  language,
}: {
  session: PanelProps["session"];
  region: Region;
  language: Language;
}) {
  const styles = usePanelStyles();
  const own = useStyles();
  const [correcting, setCorrecting] = useState(false);
  const range = rangeA1(region.range);
  const caption = region.caption ?? "";
  return (
    <li className={own.card}>
      <Button
        appearance="subtle"
        className={own.reveal}
        title={tr(TEXTS.showRegion, language, { range, sheet: region.sheet })}
        onClick={() => void session.reveal({ sheet: region.sheet, range: region.range })}
      >
        <span>
          <Body1Strong>{tr(KIND_LABELS[region.kind], language)}</Body1Strong>
          <span className={own.range}>{range}</span>
        </span>
      </Button>
      {caption !== "" && caption !== region.sheet && (
        <Caption1 className={styles.truncate} title={caption}>
          {caption}
        </Caption1>
      )}
      <div className={styles.row}>
        <Caption1>
          {tr(TEXTS.confidence, language, { percent: Math.round(region.confidence * 100) })}
        </Caption1>
        {region.overridden && (
          <Badge appearance="tint" color="informative" size="small">
            {tr(TEXTS.corrected, language)}
          </Badge>
        )}
        <ToggleButton
          size="small"
          checked={correcting}
          aria-expanded={correcting}
          onClick={() => setCorrecting(!correcting)}
        >
          {tr(TEXTS.correct, language)}
        </ToggleButton>
      </div>
      {correcting && (
        <RegionCorrection
          region={region}
          language={language}
          onCancel={() => setCorrecting(false)}
          onSave={(change) => {
            setCorrecting(false);
            void session.correctRegion(region, change);
          }}
        />
      )}
    </li>
  );
}
