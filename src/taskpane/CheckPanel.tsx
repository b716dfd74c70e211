// Periksa: run every rule, show the findings by severity and sheet; click one to select its
// cell in Excel.

import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Field,
  makeStyles,
  ProgressBar,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { Analysis } from "../core/analyse";
import type { Finding, Severity } from "../core/check/types";
import { renderMessage } from "../core/messages";
import { formatNumber } from "../core/numbers";
import { a1 } from "../core/snapshot";
import { ConfigProblem, Notice, usePanelStyles, type PanelProps } from "./shared";
import { SEVERITY_LABELS, STEP_LABELS, TEXTS, tr, type Language } from "./texts";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  finding: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    justifyContent: "flex-start",
    rowGap: tokens.spacingVerticalXXS,
    width: "100%",
    minWidth: 0,
    height: "auto",
    textAlign: "start",
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    flexShrink: 0,
  },
  findingHead: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  numbers: {
    color: tokens.colorNeutralForeground2,
  },
  sheet: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalS,
  },
});

export function CheckPanel({ session, state, language }: PanelProps) {
  const styles = usePanelStyles();
  const { check } = state;
  const running = check.status === "running";
  const run = () => void session.runCheck();
  return (
    <section className={styles.panel}>
      <Body1 as="p" className={styles.heading}>
        {tr(TEXTS.checkIntro, language)}
      </Body1>
      <div className={styles.row}>
        <Button appearance="primary" onClick={run} disabled={running}>
          {tr(TEXTS.runCheck, language)}
        </Button>
      </div>
      {running && (
        <Field
          label={tr(TEXTS.checkProgress, language)}
          validationMessage={check.step ? tr(STEP_LABELS[check.step], language) : undefined}
          validationState="none"
        >
          <ProgressBar value={check.progress} max={1} />
        </Field>
      )}
      <ConfigProblem state={state} language={language} />
      {check.status === "error" && (
        <Notice
          intent="error"
          title={tr(TEXTS.checkFailed, language)}
          action={{ label: tr(TEXTS.retry, language), onClick: run }}
        >
          {check.error}
        </Notice>
      )}
      {check.status === "done" && check.result && (
        <CheckResult session={session} analysis={check.result} language={language} />
      )}
    </section>
  );
}

function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function CheckResult({
  session,
  analysis,
  language,
}: {
  session: PanelProps["session"];
  analysis: Analysis;
  language: Language;
}) {
  const styles = usePanelStyles();
  const { findings } = analysis.result;
  const tables = analysis.workbook.regions.length;
  const problems =
    analysis.problems.length > 0 ? (
      <Notice intent="warning" title={tr(TEXTS.checkProblems, language)}>
        <ul className={styles.list}>
          {analysis.problems.map((p, i) => (
            <li key={i}>{renderMessage(p, language)}</li>
          ))}
        </ul>
      </Notice>
    ) : null;
  if (tables === 0) {
    const empty = !analysis.workbook.sheets.some((s) =>
      s.values.some((row) => row.some((v) => v !== null && v !== "")),
    );
    return (
      <>
        {problems}
        <Notice intent="info" title={tr(empty ? TEXTS.emptyWorkbook : TEXTS.noTables, language)}>
          {tr(empty ? TEXTS.emptyWorkbookHint : TEXTS.noTablesHint, language)}
        </Notice>
      </>
    );
  }
  if (findings.length === 0) {
    return (
      <>
        {problems}
        <Notice intent="success" title={tr(TEXTS.noFindings, language)}>
          {tr(TEXTS.noFindingsHint, language, { tables })}
        </Notice>
      </>
    );
  }
  const counts = countBySeverity(findings);
  const present = SEVERITIES.filter((s) => counts[s] > 0);
  // Errors and warnings open; the many info findings (numbers stored as text) stay folded
  // unless they are all there is.
  const open = present.filter((s) => s !== "info" || present.length === 1);
  return (
    <>
      {problems}
      <Body1Strong as="p" role="status" className={styles.heading}>
        {tr(TEXTS.checkResult, language, {
          count: findings.length,
          tables,
          errors: counts.error,
          warnings: counts.warning,
          infos: counts.info,
        })}
      </Body1Strong>
      <Accordion multiple collapsible defaultOpenItems={open}>
        {present.map((severity) => (
          <AccordionItem key={severity} value={severity}>
            <AccordionHeader as="h3">
              {`${tr(SEVERITY_LABELS[severity], language)} (${counts[severity]})`}
            </AccordionHeader>
            <AccordionPanel>
              <SeverityFindings
                session={session}
                findings={findings.filter((f) => f.severity === severity)}
                language={language}
              />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </>
  );
}

function SeverityFindings({
  session,
  findings,
  language,
}: {
  session: PanelProps["session"];
  findings: Finding[];
  language: Language;
}) {
  const styles = usePanelStyles();
  const own = useStyles();
  // Findings come sorted by sheet order, so sheets appear as in the workbook.
  const sheets = [...new Set(findings.map((f) => f.at.sheet))];
  return (
    <>
      {sheets.map((sheet) => (
        <section key={sheet} className={own.sheet} aria-label={sheet}>
          <Subtitle2 as="h4" className={styles.heading}>
            {tr(TEXTS.sheetHeading, language, { sheet })}
          </Subtitle2>
          <ul className={styles.list}>
            {findings
              .filter((f) => f.at.sheet === sheet)
              .map((f, i) => (
                <li key={`${f.rule}-${f.at.row}-${f.at.col}-${i}`}>
                  <FindingButton session={session} finding={f} language={language} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function FindingButton({
  session,
  finding,
  language,
}: {
  session: PanelProps["session"];
  finding: Finding;
  language: Language;
}) {
  const styles = usePanelStyles();
  const own = useStyles();
  const { at } = finding;
  const cell = a1(at.row, at.col);
  const numbers: string[] = [];
  if (finding.expected !== undefined) {
    numbers.push(tr(TEXTS.expected, language, { value: formatNumber(finding.expected, language) }));
  }
  if (finding.actual !== undefined) {
    numbers.push(tr(TEXTS.actual, language, { value: formatNumber(finding.actual, language) }));
  }
  return (
    <Button
      appearance="subtle"
      className={own.finding}
      title={tr(TEXTS.showCell, language, { cell, sheet: at.sheet })}
      onClick={() =>
        void session.reveal({
          sheet: at.sheet,
          range: { top: at.row, left: at.col, bottom: at.row, right: at.col },
        })
      }
    >
      <span className={own.findingHead}>
        <span className={own.cell}>{cell}</span>
        {finding.indicator && (
          <Caption1 className={styles.truncate} title={finding.indicator}>
            {finding.indicator}
          </Caption1>
        )}
      </span>
      <Body1>{renderMessage(finding.message, language)}</Body1>
      {numbers.length > 0 && <Caption1 className={own.numbers}>{numbers.join(" · ")}</Caption1>}
    </Button>
  );
}
