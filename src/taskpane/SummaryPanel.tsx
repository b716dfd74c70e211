// Ringkasan: write the summary sheets (a fresh check first) and list what was written.

import { Body1, Button, Caption1, Link, mergeClasses, Spinner } from "@fluentui/react-components";
import { Notice, usePanelStyles, type PanelProps } from "./shared";
import { TEXTS, tr } from "./texts";

export function SummaryPanel({ session, state, language }: PanelProps) {
  const styles = usePanelStyles();
  const { summary } = state;
  const running = summary.status === "running";
  const write = () => void session.writeSummary();
  const outcome = summary.status === "done" ? summary.result : null;
  return (
    <section className={styles.panel}>
      <Body1 as="p" className={styles.heading}>
        {tr(TEXTS.summaryIntro, language)}
      </Body1>
      <Caption1 as="p" className={mergeClasses(styles.heading, styles.muted)}>
        {tr(TEXTS.summaryNote, language)}
      </Caption1>
      <div className={styles.row}>
        <Button appearance="primary" onClick={write} disabled={running}>
          {tr(TEXTS.writeSummary, language)}
        </Button>
        {running && (
          <Spinner
            size="tiny"
            label={tr(
              summary.step === "writing" ? TEXTS.summaryWriting : TEXTS.summaryChecking,
              language,
            )}
          />
        )}
      </div>
      {summary.status === "error" && (
        <Notice
          intent="error"
          title={tr(TEXTS.summaryFailed, language)}
          action={{ label: tr(TEXTS.retry, language), onClick: write }}
        >
          {summary.error}
        </Notice>
      )}
      {outcome?.kind === "no-tables" && (
        <Notice intent="warning" title={tr(TEXTS.noTables, language)}>
          {tr(TEXTS.summaryNoTables, language)}
        </Notice>
      )}
      {outcome?.kind === "written" && outcome.applied.written.length === 0 && (
        <Notice intent="info" title={tr(TEXTS.summaryNothing, language)} />
      )}
      {outcome?.kind === "written" && outcome.applied.written.length > 0 && (
        <Notice intent="success" title={tr(TEXTS.summaryWritten, language)}>
          <ul className={styles.list}>
            {outcome.applied.written.map(({ key, name }) => (
              <li key={key}>
                <Link
                  as="button"
                  title={tr(TEXTS.showSheet, language, { sheet: name })}
                  onClick={() =>
                    void session.reveal({
                      sheet: name,
                      range: { top: 0, left: 0, bottom: 0, right: 0 },
                    })
                  }
                >
                  {name}
                </Link>
              </li>
            ))}
          </ul>
          {outcome.applied.removed.length > 0 && (
            <Caption1 as="p" className={styles.heading}>
              {tr(TEXTS.summaryReplaced, language, {
                names: outcome.applied.removed.join(", "),
              })}
            </Caption1>
          )}
        </Notice>
      )}
    </section>
  );
}
