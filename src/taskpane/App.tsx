// The task pane: a header and four tabs (Tabel, Periksa, Ringkasan, Pengaturan) over one
// Session. The Session is passed in (index.tsx creates it over the Office.js gateway, tests
// over a fake one), so this component never reaches a workbook itself.

import { useEffect, type ReactNode } from "react";
import {
  Caption1,
  CounterBadge,
  makeStyles,
  Tab,
  TabList,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { CheckPanel } from "./CheckPanel";
import type { Session, TabId } from "./session";
import { SettingsPanel } from "./SettingsPanel";
import { Notice, useSessionState, type PanelProps } from "./shared";
import { SummaryPanel } from "./SummaryPanel";
import { TablesPanel } from "./TablesPanel";
import { TEXTS, tr, type Language, type LanguageChoice, type LocalText } from "./texts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    minWidth: 0,
    maxWidth: "640px",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  title: {
    margin: 0,
  },
  intro: {
    color: tokens.colorNeutralForeground3,
  },
  // The four tabs and the findings count fit one row at 320 px with this padding; a
  // narrower pane wraps them.
  tabs: {
    flexWrap: "wrap",
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalXS})`,
  },
  tab: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  badge: {
    marginLeft: tokens.spacingHorizontalXS,
  },
  panel: {
    minWidth: 0,
  },
});

export interface AppProps {
  session: Session;
  /** The language the pane speaks (the choice below resolved against Office's language). */
  language: Language;
  /** What the planner chose in Pengaturan; "auto" follows Office. */
  languageChoice?: LanguageChoice;
  onLanguageChange?: (choice: LanguageChoice) => void;
}

const TABS: readonly { id: TabId; label: LocalText }[] = [
  { id: "tabel", label: TEXTS.tabTables },
  { id: "periksa", label: TEXTS.tabCheck },
  { id: "ringkasan", label: TEXTS.tabSummary },
  { id: "pengaturan", label: TEXTS.tabSettings },
];

export function App({ session, language, languageChoice = "auto", onLanguageChange }: AppProps) {
  const styles = useStyles();
  const state = useSessionState(session);

  // Summary sheets are written in the pane's language, also when the ribbon starts them.
  useEffect(() => session.setLanguage(language), [session, language]);

  const findings = state.check.status === "done" ? state.check.result?.result.findings : undefined;
  const badges: Partial<Record<TabId, ReactNode>> = {
    periksa:
      findings !== undefined ? (
        <CounterBadge
          className={styles.badge}
          count={findings.length}
          overflowCount={999}
          showZero
          size="small"
          color={findings.some((f) => f.severity === "error") ? "danger" : "informative"}
          aria-label={tr(TEXTS.findingsCount, language, { count: findings.length })}
        />
      ) : null,
  };

  const props: PanelProps = { session, state, language };
  const panel: Record<TabId, ReactNode> = {
    tabel: <TablesPanel {...props} />,
    periksa: <CheckPanel {...props} />,
    ringkasan: <SummaryPanel {...props} />,
    pengaturan: (
      <SettingsPanel
        {...props}
        languageChoice={languageChoice}
        onLanguageChange={onLanguageChange}
      />
    ),
  };

  return (
    <main className={styles.root} lang={language}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {tr(TEXTS.productName, language)}
        </Title3>
        <Caption1 className={styles.intro}>{tr(TEXTS.intro, language)}</Caption1>
      </header>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={state.tab}
        onTabSelect={(_, data) => session.setTab(data.value as TabId)}
        aria-label={tr(TEXTS.tabsLabel, language)}
      >
        {TABS.map((tab) => (
          <Tab
            key={tab.id}
            value={tab.id}
            className={styles.tab}
            id={`sakip-tab-${tab.id}`}
            // Only the selected tab's panel is in the page.
            aria-controls={tab.id === state.tab ? `sakip-panel-${tab.id}` : undefined}
          >
            {tr(tab.label, language)}
            {badges[tab.id]}
          </Tab>
        ))}
      </TabList>
      {state.reveal.status === "error" && (
        <Notice
          intent="error"
          title={tr(TEXTS.revealFailed, language)}
          action={{
            label: tr(TEXTS.dismiss, language),
            onClick: () => session.dismissRevealError(),
          }}
        >
          {state.reveal.error}
        </Notice>
      )}
      <div
        className={styles.panel}
        role="tabpanel"
        id={`sakip-panel-${state.tab}`}
        aria-labelledby={`sakip-tab-${state.tab}`}
      >
        {panel[state.tab]}
      </div>
    </main>
  );
}
